namespace OneDigital.Content.Security;

/// <summary>
/// A named right, as in Orchard: roles hold permission names as role claims, and a permission is granted by its own
/// name or by any permission that implies it (transitively), e.g. <c>ExecuteGraphQL</c> is implied by
/// <c>ExecuteGraphQLMutations</c>.
/// </summary>
public sealed class Permission
{
    /// <summary>The role claim type that holds a permission name (Identity's AspNetRoleClaims.ClaimType).</summary>
    public const string ClaimType = "Permission";

    public Permission(string name, string description, params IEnumerable<Permission> impliedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
        ImpliedBy = [.. impliedBy];
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>The permissions whose holders also hold this one.</summary>
    public IReadOnlyList<Permission> ImpliedBy { get; }

    /// <summary>This permission's name and the names of every permission that implies it, ignoring case.</summary>
    public IReadOnlySet<string> GrantingNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Permission>([this]);
        while (pending.TryPop(out var permission))
        {
            if (names.Add(permission.Name))
            {
                foreach (var implying in permission.ImpliedBy) pending.Push(implying);
            }
        }
        return names;
    }

    public override string ToString() => Name;
}
