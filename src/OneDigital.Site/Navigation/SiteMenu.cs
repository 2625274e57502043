// Why: the site's section navigation is the "main-menu" Menu that editors arrange in the admin (Orchard's menu
// content item), so moving or adding a link needs no theme change; a site without one keeps the theme's own links.
using System.Text.Json.Nodes;
using OneDigital.Content.Changes;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Site.Navigation;

/// <summary>One link of the section navigation.</summary>
public sealed record NavLink(string Href, string Text);

/// <summary>
/// The published Menu whose alias is <see cref="Alias"/>, as the navigation's links: its top-level link and content
/// menu items in menu order (the service navigation is one level; nested items are left out). Kept per content change
/// stamp, so a render reads the store only after a publish.
/// </summary>
public sealed class SiteMenu(IContentChangeStamp stamp)
{
    public const string Alias = "main-menu";

    private (long Stamp, IReadOnlyList<NavLink>? Links) _current = (-1, null);

    /// <summary>The menu's links, or null when there is no published main menu (the theme's own links then show).</summary>
    public async Task<IReadOnlyList<NavLink>?> LinksAsync(ContentQuery query, CancellationToken ct)
    {
        var now = await stamp.GetAsync(ct);
        var current = _current;
        if (current.Stamp == now) return current.Links;
        var links = await ReadAsync(query, ct);
        _current = (now, links);
        return links;
    }

    private static async Task<IReadOnlyList<NavLink>?> ReadAsync(ContentQuery query, CancellationToken ct)
    {
        if (await query.GetByAliasAsync(Alias, ct: ct) is not { ContentType: "Menu" } menu) return null;
        var items = menu.Part("MenuItemsListPart")?["MenuItems"] as JsonArray ?? [];
        var targets = items.OfType<JsonObject>().Select(SelectedItemId).OfType<string>().Distinct().ToList();
        var linked = targets.Count == 0 ? new Dictionary<string, ContentItem>() : await query.GetPublishedByIdAsync(targets, ct);
        var links = new List<NavLink>();
        foreach (var node in items.OfType<JsonObject>())
        {
            var item = new ContentItem(node);
            if (item.Part("LinkMenuItemPart") is { } link)
            {
                var text = item.DisplayText ?? JsonValues.NonEmptyString(link["Name"]);
                if (SafeHref(JsonValues.NonEmptyString(link["Url"])) is { } href && !string.IsNullOrWhiteSpace(text)) links.Add(new NavLink(href, text));
            }
            else if (SelectedItemId(node) is { } id && linked.TryGetValue(id, out var target)
                && JsonValues.NonEmptyString(target.Part("AutoroutePart")?["Path"]) is { } path)
            {
                var text = item.DisplayText ?? JsonValues.NonEmptyString(item.Part("ContentMenuItemPart")?["Name"]) ?? target.DisplayText;
                if (!string.IsNullOrWhiteSpace(text)) links.Add(new NavLink("/" + path.TrimStart('/'), text));
            }
        }
        return links;
    }

    private static string? SelectedItemId(JsonObject node) =>
        JsonValues.NonEmptyStrings(new ContentItem(node).Part("ContentMenuItemPart")?["SelectedContentItem"]?["ContentItemIds"]).FirstOrDefault();

    // Orchard writes the site's root as "~/"; only site paths and web addresses become links.
    private static string? SafeHref(string? url)
    {
        if (url is null) return null;
        if (url.StartsWith("~/", StringComparison.Ordinal)) url = url[1..];
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) return url;
        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp) ? url : null;
    }
}
