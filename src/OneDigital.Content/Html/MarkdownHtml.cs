using Markdig;

namespace OneDigital.Content.Html;

/// <summary>
/// Markdown as HTML (MarkdownBodyPart and markdown fields), sanitized as Orchard does by default. It lives beside the
/// sanitizer, not in an API, so that every reader of content (GraphQL's <c>html</c>, the readers' site) renders the
/// same markdown the same way.
/// </summary>
public static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static string? Render(string? markdown) => markdown is null ? null : Rendered.Get(markdown);

    private static readonly HtmlMemo Rendered = new(markdown => ContentHtml.Sanitize(Markdown.ToHtml(markdown, Pipeline)) ?? "", 8_000_000);
}
