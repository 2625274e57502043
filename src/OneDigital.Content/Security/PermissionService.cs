using System.Security.Claims;
using Microsoft.Extensions.Options;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Security;

/// <summary>
/// Decides whether a caller holds a permission, as Orchard does: the Administrator role holds everything; every caller
/// holds the Anonymous role's permissions; a signed-in caller (a user, or an OpenID client whose token carries role
/// claims) also holds the Authenticated role's and those of each role it claims. On a content item, the check is made
/// against the item type's permission (<see cref="ContentTypePermissions"/>), using the "Own" variation when the
/// caller owns the item.
/// Unlike Orchard, by default (<see cref="SecurityOptions.SecurableTypesNeedTypePermission"/>) a per-type permission
/// of a Securable type is granted only by permissions naming that type, not by the general ones: the site gives
/// anonymous readers ViewContent, and that must never open a LearningSubmission through any API.
/// </summary>
public sealed class PermissionService(
    RoleService roles, PermissionCatalogue catalogue, ContentDefinitionStore definitions, IOptions<SecurityOptions> options,
    ContentDbContext db, StoreVersions versions, SecurableTypeCache shared)
{
    private (ContentDefinitionDocument Definitions, HashSet<string> Types)? _securable;

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
        if (!await AnyRoleHoldsAsync(callerRoles, granting, ct))
        {
            return false;
        }
        if (!options.Value.SecurableTypesNeedTypePermission || !ContentTypePermissions.TryParse(required.Name, out _, out var type))
        {
            return true;
        }
        // Names are checked first, so the definitions are read only when a general permission alone would grant it.
        var naming = granting.Where(name => NamesType(name, type)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return await AnyRoleHoldsAsync(callerRoles, naming, ct) || !await IsSecurableAsync(type, ct);
    }

    private async Task<bool> AnyRoleHoldsAsync(IReadOnlyList<string> callerRoles, IReadOnlySet<string> names, CancellationToken ct)
    {
        foreach (var role in callerRoles)
        {
            if ((await roles.GetPermissionsAsync(role, ct)).Overlaps(names))
            {
                return true;
            }
        }
        return false;
    }

    private static bool NamesType(string permissionName, string contentType) =>
        ContentTypePermissions.TryParse(permissionName, out _, out var named) && string.Equals(named, contentType, StringComparison.OrdinalIgnoreCase);

    private async Task<bool> IsSecurableAsync(string contentType, CancellationToken ct)
    {
        // Inside a transaction the scope may hold definitions not yet committed, so only its own copy is trusted.
        var useShared = db.Database.CurrentTransaction is null;
        if (_securable is null && useShared)
        {
            var version = (await versions.GetAsync(ct)).Of(ContentDefinitionStore.Watched);
            if (shared.TryGet(version) is { } known) return known.Contains(contentType);
        }
        var current = await definitions.GetAsync(ct);
        if (_securable is not { } cached || !ReferenceEquals(cached.Definitions, current))
        {
            cached = (current, current.ContentTypes.Where(t => t.TypeSettings.Securable).Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase));
            _securable = cached;
            // Kept under the version of the document actually read, which the scope may have read before a newer poll.
            if (useShared) shared.Set(current.Version, cached.Types);
        }
        return cached.Types.Contains(contentType);
    }
}
