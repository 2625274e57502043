// Why: a markdown textarea is enhanced by EasyMDE when scripts run, and has a Preview button that works without them;
// the preview is rendered by Content's MarkdownHtml, the sanitizing pipeline GraphQL answers with.
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing;

public sealed record MarkdownInput(string Name, string Label) : FormField(Name, Label)
{
    public string? Value { get; init; }

    /// <summary>The sanitized HTML to show under the textarea, after the Preview button was pressed.</summary>
    public string? PreviewHtml { get; init; }

    public static MarkdownInput Of(string name, string label, string? hint, string? value) =>
        new(name, label) { Hint = hint ?? "Markdown: # for headings, * for lists, [text](address) for links", Value = value };
}
