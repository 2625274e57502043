// Why: a multi-text field holds several values; one per line is the plainest way to type them without scripts.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class MultiTextFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value) =>
        Task.FromResult<IReadOnlyList<FormField>>(
        [
            new TextareaField(field.Name, field.LabelText)
            {
                Hint = field.Hint ?? "One value per line",
                Value = string.Join('\n', FormValues.Strings(value, "Values")),
                Rows = 3,
            },
        ]);

    public JsonObject Read(EditorField field, IFormCollection form) => new() { ["Values"] = FormValues.Array(FormValues.Lines(form, field.Name)) };
}
