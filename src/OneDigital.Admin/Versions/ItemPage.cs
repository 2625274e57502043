// Why: the versions, preview and schedule pages all act on one item named in the URL: each loads its latest version,
// answers 404 for an unknown item and 403 (the admin's page) unless the editor holds the page's permission on it.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Versions;

/// <summary>A page about one content item (<c>/admin/content/{id}/...</c>).</summary>
public abstract class ItemPage(ContentQuery query) : AdminPage
{
    /// <summary>The item's latest version, once <see cref="LoadAsync"/> found it.</summary>
    public ContentItem Item { get; private set; } = null!;

    /// <summary>What the editor calls the item: its title, or its id when it has none.</summary>
    public string ItemTitle => Item.DisplayText is { Length: > 0 } text ? text : Item.ContentItemId;

    protected ContentQuery Query => query;

    /// <summary>Loads the item and demands <paramref name="permission"/> on it; null when the handler may go on.</summary>
    protected async Task<IActionResult?> LoadAsync(string id, Permission permission)
    {
        if (await query.GetLatestAsync(id, HttpContext.RequestAborted) is not { } item)
        {
            return NotFound();
        }
        Item = item;
        return await DemandAsync(permission, item);
    }

    /// <summary>Where the item's pages live.</summary>
    public static string PathOf(string id, string page) => $"{AdminServices.PathPrefix}/content/{Uri.EscapeDataString(id)}/{page}";
}
