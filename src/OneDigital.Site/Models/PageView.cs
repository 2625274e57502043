// Why: the layout needs the same few facts about every page (title, description, canonical address, whether search
// engines may index it) whichever endpoint made the page, so every page hands it this and nothing else.
namespace OneDigital.Site.Models;

/// <summary>What the layout shows about a page (<c>Page</c> in every template).</summary>
public sealed class PageView
{
    /// <summary>The page's title (the one <c>h1</c> and the window title).</summary>
    public required string Title { get; init; }

    /// <summary>The meta description; the site's description when null.</summary>
    public string? Description { get; init; }

    /// <summary>The page's own path (<c>/blog</c>), for the canonical link; none when null.</summary>
    public string? Path { get; init; }

    /// <summary>Asks search engines to leave the page out (previews, errors, search results).</summary>
    public bool NoIndex { get; init; }

    /// <summary>A draft seen through a preview link: the layout shows the "not published" banner.</summary>
    public bool Preview { get; init; }

    /// <summary>Open Graph's <c>og:type</c>: <c>article</c> for an item's page, <c>website</c> otherwise.</summary>
    public string OpenGraphType { get; init; } = "website";

    /// <summary>The site path of the page's image (<c>/media/...</c>) for <c>og:image</c>; none when null.</summary>
    public string? ImagePath { get; init; }

    /// <summary>Set by the renderer: the site's name from the site settings.</summary>
    public string SiteName { get; internal set; } = "";

    /// <summary>Set by the renderer: the canonical URL (scheme, host and <see cref="Path"/>).</summary>
    public string? CanonicalUrl { get; internal set; }

    /// <summary>Set by the renderer: the absolute URL of <see cref="ImagePath"/>.</summary>
    public string? ImageUrl { get; internal set; }

    /// <summary>Set by the renderer: the links of the site's "main-menu" Menu, or null when it has none (the layout's own links show).</summary>
    public IReadOnlyList<Navigation.NavLink>? Menu { get; internal set; }

    /// <summary>Set by the renderer: the path of the request, so navigation can mark the current section.</summary>
    public string RequestPath { get; internal set; } = "/";
}
