// Why: the admin issues the link and the readers' site answers it, and neither references the other; the address and
// the link's short life are agreed here, beside the tokens they rest on.
namespace OneDigital.Content.Preview;

/// <summary>The readers' site's preview of one item's latest version: <c>/preview/{contentItemId}?token=...</c>.</summary>
public static class SitePreviewLink
{
    public const string PathPrefix = "/preview";

    /// <summary>How long a link the admin's "Preview on the site" button makes keeps working (within <see cref="PreviewOptions.MaxLifetime"/>).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>The site-relative link that shows <paramref name="contentItemId"/>'s draft to the holder of <paramref name="token"/>.</summary>
    public static string For(string contentItemId, string token) =>
        $"{PathPrefix}/{Uri.EscapeDataString(contentItemId)}?token={Uri.EscapeDataString(token)}";
}
