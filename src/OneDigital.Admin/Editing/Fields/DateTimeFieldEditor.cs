// Why: editors type a date and a time in the site's time zone (shown in the hint); Orchard stores the instant in UTC.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class DateTimeFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var zone = field.Services.TimeZone;
        var local = JsonValues.UtcDateTime(value?["Value"]) is { } utc ? TimeZoneInfo.ConvertTimeFromUtc(utc, zone) : (DateTime?)null;
        return Task.FromResult<IReadOnlyList<FormField>>(
        [
            DateInputField.Of(field.Name, field.LabelText, local is { } l ? DateOnly.FromDateTime(l) : null) with
            {
                Hint = field.Hint ?? "For example, 27 3 2026",
            },
            new TextInputField(field.Name + ".Time", $"{field.Label}: time") with
            {
                Hint = $"24-hour clock, for example 14:30 ({zone.DisplayName})",
                Value = local is { } t ? TimeOfDay.Show(TimeOnly.FromDateTime(t)) : null,
                WidthClass = "govuk-input--width-5",
                Spellcheck = false,
            },
        ]);
    }

    public JsonObject Read(EditorField field, IFormCollection form)
    {
        var date = DateFieldEditor.ReadDate(field, form);
        var timeText = FormValues.Text(form, field.Name + ".Time");
        var time = timeText is null ? TimeOnly.MinValue : TimeOfDay.Parse(timeText);
        if (time is null)
        {
            field.AddError($"{field.Label} must have a time like 14:30", field.Name + ".Time");
            return new JsonObject { ["Value"] = null };
        }
        if (date is null)
        {
            if (timeText is not null && DateFieldEditor.IsEmpty(field, form)) field.AddError($"Enter the date of {field.Label.ToLowerInvariant()}");
            return new JsonObject { ["Value"] = null };
        }
        var local = DateTime.SpecifyKind(date.Value.ToDateTime(time.Value), DateTimeKind.Unspecified);
        return new JsonObject { ["Value"] = TimeZoneInfo.ConvertTimeToUtc(local, field.Services.TimeZone) };
    }
}
