// Why: localization sets have no picker until localization lands; their ids are shown and kept, one per line.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class LocalizationSetFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value) =>
        Task.FromResult<IReadOnlyList<FormField>>(
        [
            new TextareaField(field.Name, field.LabelText)
            {
                Hint = field.Hint ?? "Localization set ids, one per line",
                Value = string.Join('\n', FormValues.Strings(value, "LocalizationSets")),
                Rows = 2,
            },
        ]);

    public JsonObject Read(EditorField field, IFormCollection form) =>
        new() { ["LocalizationSets"] = FormValues.Array(FormValues.Lines(form, field.Name)) };
}
