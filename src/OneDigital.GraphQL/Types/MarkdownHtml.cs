using Ganss.Xss;
using Markdig;

namespace OneDigital.GraphQL.Types;

/// <summary>Markdown as HTML for <c>markdownBodyPart { html }</c> and markdown fields, sanitized as Orchard does by default.</summary>
internal static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private static readonly HtmlSanitizer Sanitizer = new();

    public static string? Render(string? markdown) =>
        markdown is null ? null : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
