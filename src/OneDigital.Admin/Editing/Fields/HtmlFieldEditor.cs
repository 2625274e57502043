// Why: HTML is typed as source; the content engine sanitizes it on save (the field's SanitizeHtml setting).
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class HtmlFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value) =>
        Task.FromResult<IReadOnlyList<FormField>>(
        [
            new TextareaField(field.Name, field.LabelText)
            {
                Hint = field.Hint ?? "HTML. Scripts and unsafe attributes are removed when you save.",
                Value = FormValues.String(value, "Html"),
                Rows = 8,
            },
            new WritingPanelField(field.Name, field.LabelText, IsMarkdown: false) { Text = FormValues.String(value, "Html") },
        ]);

    public JsonObject Read(EditorField field, IFormCollection form) => new() { ["Html"] = FormValues.Text(form, field.Name) };
}
