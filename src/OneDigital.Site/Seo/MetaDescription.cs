// Why: search engines and link previews show a page's description as plain text of a bounded length; editors write
// a Summary where a type has one, and elsewhere the body's opening sentence says what the page is about.
using System.Net;
using System.Text.RegularExpressions;
using OneDigital.Site.Models;

namespace OneDigital.Site.Seo;

/// <summary>An item's meta description: its Summary field, else its body's first sentence; plain text, at most <see cref="MaxLength"/>.</summary>
public static partial class MetaDescription
{
    public const int MaxLength = 160;

    public static string? Of(ItemView item)
    {
        if (item.Fields.TryGetValue("Summary", out var summary) && summary is string text && Shorten(text) is { } fromSummary)
        {
            return fromSummary;
        }
        if (item.Body is null) return null;
        // The first paragraph, so a heading above it does not run into its sentence.
        var paragraph = FirstParagraph().Match(item.Body.Value);
        return Shorten(FirstSentence(PlainText(paragraph.Success ? paragraph.Value : item.Body.Value)));
    }

    /// <summary>Text with tags removed (blocks apart, inline tags closed up), entities decoded and white space collapsed.</summary>
    internal static string PlainText(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(BlockTags().Replace(html, " "), "")), " ").Trim();

    private static string FirstSentence(string text)
    {
        var end = SentenceEnd().Match(text);
        return end.Success ? text[..(end.Index + 1)] : text;
    }

    /// <summary>Cut at a word boundary with an ellipsis when longer than <see cref="MaxLength"/>; null when empty.</summary>
    internal static string? Shorten(string text)
    {
        text = Spaces().Replace(text, " ").Trim();
        if (text.Length == 0) return null;
        if (text.Length <= MaxLength) return text;
        var cut = text[..(MaxLength - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > MaxLength / 2 ? cut[..space] : cut).TrimEnd(' ', ',', ';', ':', '.') + "…";
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"</?(p|h[1-6]|li|ul|ol|div|br|hr|blockquote|pre|table|tr|td|th|dt|dd)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTags();

    [GeneratedRegex(@"<p\b[^>]*>.*?</p>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FirstParagraph();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // A full stop, question or exclamation mark followed by a space and a capital (so "e.g. this" stays whole).
    [GeneratedRegex(@"[.?!](?=\s+[A-Z""“‘(])")]
    private static partial Regex SentenceEnd();
}
