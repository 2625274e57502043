// Why: GraphQL, Liquid and the readers' site all write media addresses; one writer keeps them the same, with the
// fingerprint that lets browsers keep a file for a year.
using System.Globalization;
using OneDigital.Content.Media.Images;

namespace OneDigital.Content.Media;

/// <summary>The public addresses of media files: <c>/media/{path}</c>, resized variants and <c>srcset</c> lists.</summary>
public static class MediaUrls
{
    public const string Prefix = "/media/";

    /// <summary>The original's address, percent-encoding each segment of the path.</summary>
    public static string Of(string path) =>
        Prefix + string.Join('/', path.TrimStart('/', '\\').Split('/').Select(Uri.EscapeDataString));

    /// <summary>
    /// <paramref name="url"/> with the resize options (and the original's stamp as <c>v=</c> when known) added to its
    /// query; no options and no stamp give it back unchanged.
    /// </summary>
    public static string WithResize(string url, ImageResize resize, string? stamp = null)
    {
        var query = resize.ToQuery();
        if (stamp is not null) query = query.Length == 0 ? "v=" + stamp : query + "&v=" + stamp;
        if (query.Length == 0) return url;
        return url + (url.Contains('?') ? "&" : "?") + query;
    }

    /// <summary>A <c>srcset</c>: the URL at each width (<c>url?width=480 480w, ...</c>).</summary>
    public static string Srcset(string url, IEnumerable<int> widths, ImageResize resize, string? stamp = null) =>
        string.Join(", ", widths.Distinct().Order().Select(w =>
            WithResize(url, resize with { Width = w }, stamp) + " " + w.ToString(CultureInfo.InvariantCulture) + "w"));
}
