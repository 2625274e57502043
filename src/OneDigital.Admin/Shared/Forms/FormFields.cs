// Why: editors' forms are built from GOV.UK's patterns, and a validation error anywhere must show the same way: in
// the error summary (linking to the field) and beside the field. The field partials and the summary read the same
// ModelState key (the input's name), so a handler only calls ModelState.AddModelError(name, message).
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OneDigital.Admin.Shared.Forms;

/// <summary>Where a field's error message links to: the id of its input (the first one, for dates and choices).</summary>
public static class FieldIds
{
    /// <summary>The element id of the input named <paramref name="name"/> (<c>Event.StartsAt</c> → <c>Event-StartsAt</c>).</summary>
    public static string For(string name) => name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    /// <summary>The first message recorded for the field, if any.</summary>
    public static string? ErrorFor(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}

/// <summary>One error in the summary: the message and the element it links to.</summary>
public sealed record FieldError(string FieldId, string Message);

/// <summary>What every field has: the input's name (and ModelState key), its label or legend, an optional hint.</summary>
public abstract record FormField(string Name, string Label)
{
    public string Id => FieldIds.For(Name);

    public string? Hint { get; init; }

    /// <summary>The label is the page's h1 (a page that asks one question).</summary>
    public bool LabelIsPageHeading { get; init; }

    public string HintId => Id + "-hint";

    public string ErrorId => Id + "-error";
}

/// <summary>govuk-input. <see cref="Type"/> is the input type (text, email, password, number...).</summary>
public sealed record TextInputField(string Name, string Label) : FormField(Name, Label)
{
    public string? Value { get; init; }
    public string Type { get; init; } = "text";
    public string? Autocomplete { get; init; }
    public bool? Spellcheck { get; init; }
    /// <summary>A width class such as <c>govuk-input--width-20</c>.</summary>
    public string? WidthClass { get; init; }
    public string? InputMode { get; init; }
}

/// <summary>govuk-textarea.</summary>
public sealed record TextareaField(string Name, string Label) : FormField(Name, Label)
{
    public string? Value { get; init; }
    public int Rows { get; init; } = 5;
}

/// <summary>One option of a select, radios or checkboxes.</summary>
public sealed record Choice(string Value, string Text)
{
    public string? Hint { get; init; }
    public bool Selected { get; init; }
}

/// <summary>govuk-checkboxes: several choices under one legend (one choice for a single yes/no checkbox).</summary>
public sealed record CheckboxesField(string Name, string Label, IReadOnlyList<Choice> Choices) : FormField(Name, Label)
{
    /// <summary>Small checkboxes, for filters.</summary>
    public bool Small { get; init; }
}

/// <summary>govuk-radios: one choice under a legend.</summary>
public sealed record RadiosField(string Name, string Label, IReadOnlyList<Choice> Choices) : FormField(Name, Label)
{
    public bool Inline { get; init; }
}

/// <summary>govuk-select.</summary>
public sealed record SelectField(string Name, string Label, IReadOnlyList<Choice> Choices) : FormField(Name, Label);

/// <summary>
/// govuk-date-input: day, month and year posted as <c>{Name}.Day</c>, <c>{Name}.Month</c>, <c>{Name}.Year</c>. The day
/// input has the field's id, so an error under <c>{Name}</c> links to it like any other field's.
/// </summary>
public sealed record DateInputField(string Name, string Label) : FormField(Name, Label)
{
    public string? Day { get; init; }
    public string? Month { get; init; }
    public string? Year { get; init; }

    public static DateInputField Of(string name, string label, DateOnly? value) => new(name, label)
    {
        Day = value?.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Month = value?.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Year = value?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
