namespace OneDigital.Content.Security;

/// <summary>How a role's listed permissions combine with those it already has (Orchard's Roles step, v2+).</summary>
public enum PermissionBehavior
{
    /// <summary>The role holds exactly the listed permissions (Orchard's default).</summary>
    Replace,

    /// <summary>The listed permissions are added to the role's.</summary>
    Add,

    /// <summary>The listed permissions are taken from the role.</summary>
    Remove,
}
