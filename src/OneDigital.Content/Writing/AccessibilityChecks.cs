using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace OneDigital.Content.Writing;

/// <summary>
/// The accessibility checks over a rendered body: images, links, headings, tables. Decorative images: an image is
/// decorative only when it says so twice, <c>alt=""</c> and the class <c>decorative</c> (markdown:
/// <c>![](line.png){.decorative}</c>; HTML: <c>&lt;img alt="" class="decorative"&gt;</c>), because markdown's
/// <c>![](photo.jpg)</c> gives <c>alt=""</c> by accident far more often than by intent. <c>role="presentation"</c>
/// would be the usual mark, but the sanitizer (Orchard's configuration) removes <c>role</c>, and a class survives.
/// </summary>
internal static partial class AccessibilityChecks
{
    public static IEnumerable<WritingFinding> Run(IElement body) =>
        Images(body).Concat(Links(body)).Concat(Headings(body)).Concat(Tables(body));

    private static IEnumerable<WritingFinding> Images(IElement body)
    {
        foreach (var img in body.QuerySelectorAll("img"))
        {
            var src = img.GetAttribute("src") ?? "";
            var alt = img.GetAttribute("alt");
            var role = img.GetAttribute("role")?.Trim().ToLowerInvariant();
            var decorative = alt is "" && (img.ClassList.Contains("decorative") || role is "presentation" or "none");
            if (decorative) continue;
            if (string.IsNullOrWhiteSpace(alt))
            {
                yield return WritingCheck.Finding(WritingCheck.ImageMissingAlt,
                    "This image has no alt text. Describe what it shows for people who cannot see it, or mark it as decorative (class \"decorative\").", FileName(src) is { Length: > 0 } f ? f : img.OuterHtml);
                continue;
            }
            var file = FileName(src);
            if (LooksLikeFileName(alt) || file.Length > 0 && (Same(alt, file) || Same(alt, Path.GetFileNameWithoutExtension(file))))
            {
                yield return WritingCheck.Finding(WritingCheck.ImageAltFileName,
                    "This image's alt text is its file name. Describe what the image shows instead.", alt);
            }
        }
    }

    private static readonly HashSet<string> VagueLinkTexts = new(StringComparer.OrdinalIgnoreCase)
    {
        "click here", "click", "here", "read more", "more", "learn more", "find out more", "this link", "link", "this page", "click this link", "more info", "more information", "details",
    };

    private static IEnumerable<WritingFinding> Links(IElement body)
    {
        foreach (var a in body.QuerySelectorAll("a[href]"))
        {
            var text = Collapse(a.TextContent);
            var imageText = string.Join(' ', a.QuerySelectorAll("img").Select(i => i.GetAttribute("alt") ?? "")).Trim();
            var label = a.GetAttribute("aria-label")?.Trim() ?? "";
            var href = a.GetAttribute("href") ?? "";
            if (text.Length == 0 && imageText.Length == 0 && label.Length == 0)
            {
                yield return WritingCheck.Finding(WritingCheck.LinkEmptyText,
                    "This link has no text, so a screen reader can only read out its address. Give it words that say where it goes.", href);
                continue;
            }
            var spoken = text.Length > 0 ? text : imageText;
            if (VagueLinkTexts.Contains(spoken.Trim(' ', '.', '…', '!', ':', '>', '»', '→')))
            {
                yield return WritingCheck.Finding(WritingCheck.LinkVagueText,
                    $"The link text \"{spoken}\" does not say where the link goes. People using screen readers often list links on their own: use words that make sense out of context.", spoken);
            }
            else if (BareUrl().IsMatch(spoken))
            {
                yield return WritingCheck.Finding(WritingCheck.LinkBareUrl,
                    "This link's text is a web address, which is hard to read and to listen to. Use words that say where it goes.", spoken);
            }
            if (IsPdf(href) && !PdfDetails().IsMatch(text + " " + TextAfter(a)))
            {
                yield return WritingCheck.Finding(WritingCheck.LinkPdfWithoutDetails,
                    "This link opens a PDF. Say so, and give its size, for example \"Annual report (PDF, 2.1MB)\".", spoken);
            }
        }
    }

    private static IEnumerable<WritingFinding> Headings(IElement body)
    {
        // The page's title is its h1, so a body's headings start below it.
        var previous = 1;
        var topLevel = 0;
        foreach (var h in body.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            var level = h.LocalName[1] - '0';
            var text = Collapse(h.TextContent);
            if (level == 1 && ++topLevel == 2)
            {
                yield return WritingCheck.Finding(WritingCheck.HeadingSeveralTopLevel,
                    "This body has more than one top-level heading (h1). A page should have one: make the others level 2 headings.", text);
            }
            if (level > previous + 1)
            {
                yield return WritingCheck.Finding(WritingCheck.HeadingSkippedLevel,
                    $"This heading jumps from level {previous} to level {level}. Use level {previous + 1} so people can follow the page's outline.", text);
            }
            previous = level;
        }
    }

    private static IEnumerable<WritingFinding> Tables(IElement body)
    {
        foreach (var table in body.QuerySelectorAll("table"))
        {
            if (table.QuerySelector("th") is not null) continue;
            yield return WritingCheck.Finding(WritingCheck.TableWithoutHeaders,
                "This table has no header cells. Mark its first row (or column) as headers so each value can be read with its heading.", Collapse(table.TextContent));
        }
    }

    private static bool IsPdf(string href)
    {
        var path = href.Split('?', '#')[0];
        return path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
    }

    // The text just after a link in the same paragraph: GOV.UK writes "<a>Annual report</a> (PDF, 2.1MB)".
    private static string TextAfter(IElement link)
    {
        var after = "";
        for (var node = link.NextSibling; node is not null && after.Length < 60; node = node.NextSibling) after += node.TextContent;
        return after.Length > 60 ? after[..60] : after;
    }

    private static string FileName(string src)
    {
        var path = src.Split('?', '#')[0];
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }

    private static bool LooksLikeFileName(string alt) => ImageFileName().IsMatch(alt.Trim());

    private static bool Same(string a, string b) => string.Equals(Collapse(a), Collapse(b), StringComparison.OrdinalIgnoreCase);

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^(?:https?://|www\.)\S+$", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"\bPDF\b.*\d+(?:[.,]\d+)?\s?(?:KB|MB|GB|kB|bytes)\b|\d+(?:[.,]\d+)?\s?(?:KB|MB|GB|kB|bytes)\b.*\bPDF\b", RegexOptions.IgnoreCase)]
    private static partial Regex PdfDetails();

    [GeneratedRegex(@"^\S+\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageFileName();
}
