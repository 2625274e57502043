// Why: markdown is typed in a textarea (EasyMDE enhances it when scripts run); the Preview button shows it rendered
// by the same sanitizing pipeline GraphQL uses.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class MarkdownFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value) =>
        Task.FromResult<IReadOnlyList<FormField>>(
        [
            MarkdownInput.Of(field.Name, field.LabelText, field.Hint, FormValues.String(value, "Markdown")),
            new WritingPanelField(field.Name, field.LabelText, IsMarkdown: true) { Text = FormValues.String(value, "Markdown") },
        ]);

    public JsonObject Read(EditorField field, IFormCollection form) => new() { ["Markdown"] = FormValues.Text(form, field.Name) };
}
