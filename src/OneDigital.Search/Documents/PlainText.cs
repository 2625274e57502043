using System.Net;
using System.Text.RegularExpressions;

namespace OneDigital.Search.Documents;

/// <summary>
/// Markdown and HTML bodies as the words a reader sees, for analyzed fields and snippets. Deliberately a light pass
/// of expressions rather than a parser: a rebuild runs it over every body, and the analyzer drops punctuation anyway.
/// </summary>
public static partial class PlainText
{
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var text = ScriptOrStyle().Replace(html, " ");
        text = Tag().Replace(text, " ");
        return Collapse(WebUtility.HtmlDecode(text));
    }

    public static string FromMarkdown(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown)) return "";
        var text = Image().Replace(markdown, "$1");
        text = Link().Replace(text, "$1");
        text = Tag().Replace(text, " ");
        text = LineMarker().Replace(text, "");
        text = Emphasis().Replace(text, "");
        return Collapse(WebUtility.HtmlDecode(text));
    }

    private static string Collapse(string text) => Space().Replace(text, " ").Trim();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    // Headings, quotes, list bullets and numbers at the start of a line.
    [GeneratedRegex(@"^[ \t]*(#{1,6}|>+|[-*+]|\d+[.)])[ \t]+", RegexOptions.Multiline)]
    private static partial Regex LineMarker();

    [GeneratedRegex(@"(\*{1,3}|_{2,3}|`{1,3}|~~)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
