using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Security;

namespace OneDigital.GraphQL.Security;

/// <summary>Which items of a type the caller may read: none, only their own, or all.</summary>
internal enum TypeAccess
{
    None,
    Own,
    All,
}

/// <summary>
/// The caller's right to read items, worked out once per type and execution so lists can be filtered in the query
/// (exact paging and counts) and loaded items checked without further queries. Published items need ViewContent
/// (ViewOwnContent for one's own); drafts and other versions need EditContent (EditOwnContent), as per type in
/// Orchard. For Securable types only a grant naming the type itself counts (View_LearningSubmission, ...), so a
/// role's general ViewContent, which the site gives anonymous readers, never opens them.
/// </summary>
internal sealed class ContentAccess(GraphQLUserContext context)
{
    private readonly ConcurrentDictionary<(string Type, bool Edit), Task<TypeAccess>> _types = new();

    private ClaimsPrincipal User => context.User;

    public string? UserId => User.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id ? id : null;

    public Task<TypeAccess> ForTypeAsync(string contentType, bool securable, bool edit, CancellationToken ct) =>
        _types.GetOrAdd((contentType, edit), _ => context.WithStoreAsync(() => ComputeAsync(contentType, securable, edit, ct), ct));

    public bool Allows(TypeAccess access, ContentItem item) =>
        access == TypeAccess.All || (access == TypeAccess.Own && UserId is { } id && id == item.Owner);

    /// <summary>The items of a loaded set the caller may view (published reads), in their order.</summary>
    public async Task<List<ContentItem>> FilterViewableAsync(IEnumerable<ContentItem> items, Func<string, bool> isSecurable, CancellationToken ct)
    {
        var visible = new List<ContentItem>();
        foreach (var item in items)
        {
            if (Allows(await ForTypeAsync(item.ContentType, isSecurable(item.ContentType), edit: false, ct), item))
            {
                visible.Add(item);
            }
        }
        return visible;
    }

    private async Task<TypeAccess> ComputeAsync(string contentType, bool securable, bool edit, CancellationToken ct)
    {
        var general = edit ? Permissions.EditContent : Permissions.ViewContent;
        var own = ContentTypePermissions.OwnVariation(general)!;
        if (await HoldsAsync(general, contentType, securable, ct)) return TypeAccess.All;
        if (UserId is not null && await HoldsAsync(own, contentType, securable, ct)) return TypeAccess.Own;
        return TypeAccess.None;
    }

    private async Task<bool> HoldsAsync(Permission general, string contentType, bool securable, CancellationToken ct)
    {
        var permissions = context.RequestServices.GetRequiredService<PermissionService>();
        if (!securable)
        {
            return await permissions.IsGrantedForTypeAsync(User, general, contentType, ct);
        }
        var roles = PermissionService.RolesOf(User);
        if (roles.Any(BuiltInRoles.IsAdministrator)) return true;
        var typed = ContentTypePermissions.ForType(general, contentType)!;
        var naming = typed.GrantingNames()
            .Where(n => ContentTypePermissions.TryParse(n, out _, out var t) && t == contentType)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var roleService = context.RequestServices.GetRequiredService<RoleService>();
        foreach (var role in roles)
        {
            if ((await roleService.GetPermissionsAsync(role, ct)).Overlaps(naming)) return true;
        }
        return false;
    }
}
