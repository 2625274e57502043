// Why: a date is asked as day, month and year (GOV.UK's date input) and stored as Orchard does: midnight UTC.
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class DateFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var date = JsonValues.UtcDateTime(value?["Value"]) is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        return Task.FromResult<IReadOnlyList<FormField>>(
            [DateInputField.Of(field.Name, field.LabelText, date) with { Hint = field.Hint ?? "For example, 27 3 2026" }]);
    }

    public JsonObject Read(EditorField field, IFormCollection form) =>
        new() { ["Value"] = ReadDate(field, form) is { } date ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null };

    public static bool IsEmpty(EditorField field, IFormCollection form) =>
        new[] { "Day", "Month", "Year" }.All(p => FormValues.Text(form, $"{field.Name}.{p}") is null);

    /// <summary>The day, month and year posted under the field's name; null when all three are empty (an error when only some are, or they make no date).</summary>
    public static DateOnly? ReadDate(EditorField field, IFormCollection form)
    {
        var parts = new[] { "Day", "Month", "Year" }.Select(p => FormValues.Text(form, $"{field.Name}.{p}")).ToArray();
        if (parts.All(p => p is null)) return null;
        if (parts.Any(p => p is null)
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1000 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            field.AddError($"{field.Label} must be a real date, like 27 3 2026");
            return null;
        }
        return new DateOnly(year, month, day);
    }
}
