using System.Net;
using System.Text;
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

    /// <summary>
    /// Each run of white space as one space, trimmed. A loop rather than a <c>\s+</c> replace: there every single
    /// space between two words was a match with its own callback, two thirds of the time spent on a body.
    /// </summary>
    private static string Collapse(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (!HasSpaceToCollapse(text, start, end))
        {
            return start == 0 && end == text.Length ? text : text[start..end];
        }
        var result = new StringBuilder(end - start);
        var inSpace = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace) result.Append(' ');
                inSpace = true;
            }
            else
            {
                result.Append(c);
                inSpace = false;
            }
        }
        return result.ToString();
    }

    // Whether any white space is other than a single ' ' between two other characters.
    private static bool HasSpaceToCollapse(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == ' ' ? char.IsWhiteSpace(text[i + 1]) : char.IsWhiteSpace(c)) return true;
        }
        return false;
    }

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
}
