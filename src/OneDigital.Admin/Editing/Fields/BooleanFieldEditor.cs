// Why: a yes/no field is one checkbox; its label is the field's Label setting (Orchard's BooleanFieldSettings.Label).
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class BooleanFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var on = value?["Value"] is JsonValue v && v.TryGetValue(out bool b) && b;
        var text = field.KindSetting("Label") is { Length: > 0 } label ? label : $"Yes, {field.Label.ToLowerInvariant()}";
        return Task.FromResult<IReadOnlyList<FormField>>(
            [new CheckboxesField(field.Name, field.LabelText, [new Choice("true", text) { Selected = on }]) { Hint = field.Hint }]);
    }

    public JsonObject Read(EditorField field, IFormCollection form) =>
        new() { ["Value"] = FormValues.All(form, field.Name).Contains("true", StringComparer.Ordinal) };
}
