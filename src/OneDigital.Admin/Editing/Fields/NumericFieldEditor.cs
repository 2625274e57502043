// Why: numbers are typed as text (GOV.UK advises against type=number); the hint states the range and decimals the
// settings allow, and text that is not a number is refused here with a message naming the field.
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class NumericFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var settings = field.Settings<NumericFieldSettings>();
        var number = value?["Value"] is JsonValue v && v.TryGetValue(out decimal d) ? d.ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult<IReadOnlyList<FormField>>(
        [
            new TextInputField(field.Name, field.LabelText)
            {
                Hint = string.Join(" ", new[] { field.Hint, Range(settings) }.Where(s => s is not null)) is { Length: > 0 } hint ? hint : null,
                Value = number,
                InputMode = settings.Scale == 0 ? "numeric" : "decimal",
                WidthClass = "govuk-input--width-10",
                Spellcheck = false,
            },
        ]);
    }

    public JsonObject Read(EditorField field, IFormCollection form)
    {
        var text = FormValues.Text(form, field.Name);
        if (text is null) return new JsonObject { ["Value"] = null };
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            field.AddError($"{field.Label} must be a number, like 12 or 3.5");
            return new JsonObject { ["Value"] = null };
        }
        return new JsonObject { ["Value"] = number };
    }

    private static string? Range(NumericFieldSettings s)
    {
        var whole = s.Scale == 0 ? "A whole number" : $"A number with up to {s.Scale} decimal places";
        return (s.Minimum, s.Maximum) switch
        {
            ({ } min, { } max) => $"{whole} from {min} to {max}.",
            ({ } min, null) => $"{whole}, at least {min}.",
            (null, { } max) => $"{whole}, at most {max}.",
            _ => s.Scale == 0 ? $"{whole}." : null,
        };
    }
}
