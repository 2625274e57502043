using System.Security.Claims;
using OneDigital.Content.Items;

namespace OneDigital.Content.Security;

/// <summary>
/// Decides whether a caller holds a permission, as Orchard does: the Administrator role holds everything; every caller
/// holds the Anonymous role's permissions; a signed-in caller (a user, or an OpenID client whose token carries role
/// claims) also holds the Authenticated role's and those of each role it claims. On a content item, the check is made
/// against the item type's permission (<see cref="ContentTypePermissions"/>), using the "Own" variation when the
/// caller owns the item.
/// </summary>
public sealed class PermissionService(RoleService roles, PermissionCatalogue catalogue)
{
    public async Task<bool> IsGrantedAsync(ClaimsPrincipal? user, string permission, ContentItem? item = null, CancellationToken ct = default) =>
        await IsGrantedAsync(user, await catalogue.ResolveAsync(permission, ct), item, ct);

    public Task<bool> IsGrantedAsync(ClaimsPrincipal? user, Permission permission, ContentItem? item = null, CancellationToken ct = default)
    {
        var required = permission;
        if (item is not null)
        {
            if (IsOwner(user, item) && ContentTypePermissions.OwnVariation(required) is { } own)
            {
                required = own;
            }
            if (item.ContentType.Length > 0 && ContentTypePermissions.ForType(required, item.ContentType) is { } typed)
            {
                required = typed;
            }
        }
        return HoldsAsync(user, required, ct);
    }

    /// <summary>
    /// Whether the caller holds a content permission for every item of a type, whoever owns it (e.g. to skip
    /// per-item filtering of a list).
    /// </summary>
    public Task<bool> IsGrantedForTypeAsync(ClaimsPrincipal? user, Permission permission, string contentType, CancellationToken ct = default) =>
        HoldsAsync(user, ContentTypePermissions.ForType(permission, contentType) ?? permission, ct);

    /// <summary>The roles whose permissions the caller holds: Anonymous always, then Authenticated and the claimed roles.</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal? user)
    {
        var names = new List<string> { BuiltInRoles.Anonymous };
        if (user is null || !user.Identities.Any(i => i.IsAuthenticated))
        {
            return names;
        }
        names.Add(BuiltInRoles.Authenticated);
        foreach (var identity in user.Identities.Where(i => i.IsAuthenticated))
        {
            // OpenID tokens name their role claim "role"; Identity's cookie principal uses ClaimTypes.Role.
            var claimed = identity.Claims
                .Where(c => c.Type == ClaimTypes.Role || c.Type == identity.RoleClaimType)
                .Select(c => c.Value.Trim())
                .Where(v => v.Length > 0);
            foreach (var role in claimed)
            {
                if (!names.Contains(role, StringComparer.OrdinalIgnoreCase)) names.Add(role);
            }
        }
        return names;
    }

    /// <summary>Whether the caller is the item's owner: its user id (<see cref="ClaimTypes.NameIdentifier"/>) is the item's Owner.</summary>
    public static bool IsOwner(ClaimsPrincipal? user, ContentItem item) =>
        user?.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id && string.Equals(id, item.Owner, StringComparison.Ordinal);

    private async Task<bool> HoldsAsync(ClaimsPrincipal? user, Permission required, CancellationToken ct)
    {
        var callerRoles = RolesOf(user);
        if (callerRoles.Any(BuiltInRoles.IsAdministrator))
        {
            return true;
        }
        var granting = required.GrantingNames();
        foreach (var role in callerRoles)
        {
            if ((await roles.GetPermissionsAsync(role, ct)).Overlaps(granting))
            {
                return true;
            }
        }
        return false;
    }
}
