// Why: which items an editor may see in the list is decided per type (Orchard's per-type and "own" permissions,
// Securable types), and must become one query, so paging and counts stay right and cheap. This is that decision.
using System.Security.Claims;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ContentItems;

/// <summary>A listable type as one editor sees it: all its items or only their own, and whether they may create one.</summary>
public sealed record VisibleType(string Name, string DisplayName, bool AllItems, bool Creatable);

public sealed class ContentScope(ContentDefinitionStore definitions, PermissionService permissions)
{
    /// <summary>
    /// The Listable types the user may see items of, by display name: all items with ViewContent or ListContent for
    /// the type, only their own with ViewOwnContent or EditOwnContent; creatable when the type is and they hold
    /// EditOwnContent for it (Orchard's rule for creating). <paramref name="unlistedToo"/> adds types that are not
    /// Listable (blog posts live inside their blog), for views across the site such as the writing report.
    /// <paramref name="editableOnly"/> keeps the types the user may edit (own) items of, as Orchard's admin list does, so
    /// the ViewContent every signed-in reader holds does not fill an editor's list with types they cannot touch.
    /// </summary>
    public async Task<IReadOnlyList<VisibleType>> TypesAsync(ClaimsPrincipal user, CancellationToken ct, bool unlistedToo = false, bool editableOnly = false)
    {
        var visible = new List<VisibleType>();
        foreach (var type in (await definitions.GetAsync(ct)).ContentTypes)
        {
            var settings = type.TypeSettings;
            if (!settings.Listable && !unlistedToo) continue;
            var all = await permissions.IsGrantedForTypeAsync(user, Permissions.ViewContent, type.Name, ct)
                || await permissions.IsGrantedForTypeAsync(user, Permissions.ListContent, type.Name, ct);
            var editOwn = await permissions.IsGrantedForTypeAsync(user, Permissions.EditOwnContent, type.Name, ct);
            if (editableOnly && !editOwn) continue;
            var own = all || editOwn || await permissions.IsGrantedForTypeAsync(user, Permissions.ViewOwnContent, type.Name, ct);
            if (!own) continue;
            visible.Add(new VisibleType(type.Name, type.DisplayName ?? type.Name, all, settings.Creatable && editOwn));
        }
        return [.. visible.OrderBy(t => t.DisplayName, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// The condition that keeps a list to what the user may see of <paramref name="types"/>: their types, and their
    /// own items only where that is all they may see; null when nothing needs keeping out (every type in the
    /// definitions, all items), so the store counts and pages the bare list off its (Latest, modified) index.
    /// </summary>
    public async Task<ContentFilter?> FilterAsync(IReadOnlyList<VisibleType> types, string? userId, CancellationToken ct)
    {
        var all = types.Where(t => t.AllItems).Select(t => t.Name).ToList();
        var ownOnly = types.Where(t => !t.AllItems).Select(t => t.Name).ToList();
        var defined = (await definitions.GetAsync(ct)).ContentTypes.Select(t => t.Name);
        if (ownOnly.Count == 0 && defined.All(all.Contains)) return null;
        // The types by name, not "none of the others": a NOT IN is checked row by row, where an IN is answered from
        // the list's covering index.
        ContentFilter allFilter = new ContentFilter.Column(ContentColumn.ContentType, FilterOperator.In, all);
        if (ownOnly.Count == 0) return allFilter;
        ContentFilter mine = userId is null
            ? new ContentFilter.Or([])
            : new ContentFilter.And(
            [
                new ContentFilter.Column(ContentColumn.ContentType, FilterOperator.In, ownOnly),
                new ContentFilter.Column(ContentColumn.Owner, FilterOperator.Equal, userId),
            ]);
        return all.Count == 0 ? mine : new ContentFilter.Or([allFilter, mine]);
    }
}
