using Markdig;
using OneDigital.Content.Html;

namespace OneDigital.GraphQL.Types;

/// <summary>Markdown as HTML for <c>markdownBodyPart { html }</c> and markdown fields, sanitized as Orchard does by default.</summary>
internal static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static string? Render(string? markdown) =>
        markdown is null ? null : ContentHtml.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
