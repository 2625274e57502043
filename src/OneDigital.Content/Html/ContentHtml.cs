using Ganss.Xss;

namespace OneDigital.Content.Html;

// Writers' HTML reaches partners' pages through GraphQL and REST; a <script> or an onerror in it would run there.
// One configuration serves every place HTML leaves or enters the store (HTML parts and fields on save, their GraphQL
// output, markdown rendered to HTML), so what is allowed cannot drift between them.

/// <summary>
/// The sanitizer, configured as Orchard configures it: HtmlSanitizer's defaults (no scripts, no event handlers, no
/// <c>javascript:</c> addresses, CSS filtered), plus the <c>class</c> attribute and the <c>mailto</c> and <c>tel</c>
/// schemes, minus the <c>form</c> tag.
/// </summary>
public static class ContentHtml
{
    // A static instance: the schema's resolvers and the part handlers both need it, it holds no per-call state, and
    // HtmlSanitizer's Sanitize may be called from several threads once it is configured.
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>The HTML with everything that could run script or leave the page removed; null stays null.</summary>
    public static string? Sanitize(string? html) => string.IsNullOrEmpty(html) ? html : Sanitized.Get(html);

    // Bodies come back to GraphQL on every request; their sanitized form does not change while the configuration
    // is this one. 8 M characters (16 MB) holds a few thousand typical bodies.
    private static readonly HtmlMemo Sanitized = new(html => Sanitizer.Sanitize(html), 8_000_000);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.AllowedTags.Remove("form");
        return sanitizer;
    }
}
