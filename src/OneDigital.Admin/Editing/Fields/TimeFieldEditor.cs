// Why: a time of day on its own (Orchard keeps it as "HH:mm:ss"), typed as 24-hour text.
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class TimeFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var stored = FormValues.String(value, "Value");
        var shown = stored is not null && TimeSpan.TryParse(stored, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero && span < TimeSpan.FromDays(1)
            ? TimeOfDay.Show(TimeOnly.FromTimeSpan(span))
            : stored;
        return Task.FromResult<IReadOnlyList<FormField>>(
        [
            new TextInputField(field.Name, field.LabelText)
            {
                Hint = field.Hint ?? "24-hour clock, for example 14:30",
                Value = shown,
                WidthClass = "govuk-input--width-5",
                Spellcheck = false,
            },
        ]);
    }

    public JsonObject Read(EditorField field, IFormCollection form)
    {
        var text = FormValues.Text(form, field.Name);
        if (text is null) return new JsonObject { ["Value"] = null };
        if (TimeOfDay.Parse(text) is not { } time)
        {
            field.AddError($"{field.Label} must be a time like 14:30");
            return new JsonObject { ["Value"] = null };
        }
        return new JsonObject { ["Value"] = time.ToString("HH:mm:ss", CultureInfo.InvariantCulture) };
    }
}
