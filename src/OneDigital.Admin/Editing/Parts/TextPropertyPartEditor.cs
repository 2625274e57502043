// Why: Alias, HtmlBody and MarkdownBody are each one text property of their part, typed in one input; they differ only
// in the property's name and the input shown, so one editor is configured per part rather than three near copies.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Fields;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Parts;

/// <summary>A part edited as one text property: <paramref name="input"/> makes its input from the input's name and the stored value.</summary>
/// <paramref name="checkedAs"/>: "markdown" or "html" for a body, which gets the writing checks' panel after its input.
internal sealed class TextPropertyPartEditor(string property, Func<string, string?, FormField> input, string? checkedAs = null) : IPartEditor
{
    /// <summary>An alias is the handle developers fetch an item by (GraphQL's contentItem by alias); left empty it is made from the type's pattern.</summary>
    public static readonly TextPropertyPartEditor Alias = new("Alias", (name, value) => new TextInputField(name, "Alias")
    {
        Hint = "A short name developers use to fetch this item, such as main-menu. Left empty, it is made from the title.",
        Value = value,
        Spellcheck = false,
    });

    /// <summary>An HTML body is typed as source; the content engine sanitizes it on save.</summary>
    public static readonly TextPropertyPartEditor HtmlBody = new("Html", (name, value) => new TextareaField(name, "Body")
    {
        Hint = "HTML. Scripts and unsafe attributes are removed when you save.",
        Value = value,
        Rows = 12,
    }, "html");

    /// <summary>The body of most pages: the same markdown input as the Markdown field (EasyMDE, server preview).</summary>
    public static readonly TextPropertyPartEditor MarkdownBody = new("Markdown", (name, value) => MarkdownInput.Of(name, "Body", null, value), "markdown");

    public string? MainInput(EditorPart part) => $"{part.Input}.{property}";

    public Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item)
    {
        var name = $"{part.Input}.{property}";
        var value = FormValues.String(item.Part(part.Name), property);
        IReadOnlyList<FormField> fields = checkedAs is null
            ? [input(name, value)]
            : [input(name, value), new WritingPanelField(name, "Body", checkedAs == "markdown") { Text = value }];
        return Task.FromResult(fields);
    }

    public void Read(EditorPart part, JsonObject json, IFormCollection form) => json[property] = FormValues.Text(form, $"{part.Input}.{property}");
}
