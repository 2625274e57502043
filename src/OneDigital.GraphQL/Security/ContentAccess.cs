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
/// Orchard; <see cref="PermissionService"/> decides, including its rule for Securable types.
/// </summary>
internal sealed class ContentAccess(GraphQLUserContext context)
{
    private readonly ConcurrentDictionary<(string Type, bool Edit), Task<TypeAccess>> _types = new();

    private ClaimsPrincipal User => context.User;

    public string? UserId => User.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id ? id : null;

    public Task<TypeAccess> ForTypeAsync(string contentType, bool edit, CancellationToken ct) =>
        _types.GetOrAdd((contentType, edit), _ => context.WithStoreAsync(() => ComputeAsync(contentType, edit, ct), ct));

    public bool Allows(TypeAccess access, ContentItem item) =>
        access == TypeAccess.All || (access == TypeAccess.Own && UserId is { } id && id == item.Owner);

    /// <summary>The items of a loaded set the caller may view (published reads), in their order.</summary>
    public async Task<List<ContentItem>> FilterViewableAsync(IEnumerable<ContentItem> items, CancellationToken ct)
    {
        var visible = new List<ContentItem>();
        foreach (var item in items)
        {
            if (Allows(await ForTypeAsync(item.ContentType, edit: false, ct), item))
            {
                visible.Add(item);
            }
        }
        return visible;
    }

    private async Task<TypeAccess> ComputeAsync(string contentType, bool edit, CancellationToken ct)
    {
        var permissions = context.RequestServices.GetRequiredService<PermissionService>();
        var general = edit ? Permissions.EditContent : Permissions.ViewContent;
        if (await permissions.IsGrantedForTypeAsync(User, general, contentType, ct)) return TypeAccess.All;
        var own = ContentTypePermissions.OwnVariation(general)!;
        if (UserId is not null && await permissions.IsGrantedForTypeAsync(User, own, contentType, ct)) return TypeAccess.Own;
        return TypeAccess.None;
    }
}
