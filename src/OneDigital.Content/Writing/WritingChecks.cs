using AngleSharp.Html.Parser;
using OneDigital.Content.Html;

namespace OneDigital.Content.Writing;

/// <summary>
/// The writing checks over a body as readers will get it: markdown rendered and HTML sanitized by the pipeline the
/// site and GraphQL use (<see cref="MarkdownHtml"/>, <see cref="ContentHtml"/>). Pure functions: no store, no UI, so
/// the admin, the Contents API and reports can all call them.
/// </summary>
public static class WritingChecks
{
    public static WritingReport CheckMarkdown(string? markdown, PlainEnglishList words) =>
        string.IsNullOrWhiteSpace(markdown) ? WritingReport.Empty : CheckRendered(MarkdownHtml.Render(markdown) ?? "", words);

    public static WritingReport CheckHtml(string? html, PlainEnglishList words) =>
        string.IsNullOrWhiteSpace(html) ? WritingReport.Empty : CheckRendered(ContentHtml.Sanitize(html) ?? "", words);

    /// <summary>Checks HTML that is already what readers get (no sanitizing here).</summary>
    public static WritingReport CheckRendered(string html, PlainEnglishList words)
    {
        var document = new HtmlParser().ParseDocument(html);
        var body = document.Body!;
        var prose = ProseText.Of(body);
        var findings = AccessibilityChecks.Run(body).Concat(ProseChecks.Run(prose, words))
            .OrderBy(f => Order[f.CheckId])
            .ToArray();
        return new WritingReport(ProseStatistics.Of(prose), findings);
    }

    private static readonly Dictionary<string, int> Order = WritingCheck.All.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
}
