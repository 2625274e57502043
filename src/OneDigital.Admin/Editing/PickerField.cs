// Why: a short list of choices (a taxonomy's terms) works without scripts as checkboxes or radios, optionally with a
// search box whose button reloads the form with the choices that match. Pickers over many items or users use
// Pickers/SearchPickerField instead, which lists only what is chosen.
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing;

/// <summary>Checkboxes (or radios when one may be picked) under a legend, with an optional search box above them.</summary>
public sealed record PickerField(string Name, string Label, IReadOnlyList<Choice> Choices) : FormField(Name, Label)
{
    public bool Multiple { get; init; } = true;

    /// <summary>Whether the picker has a search box (posted as <c>{Name}.Search</c>).</summary>
    public bool Searchable { get; init; }

    public string? Search { get; init; }

    public string SearchName => Name + ".Search";

    /// <summary>What the picker says when there is nothing to pick.</summary>
    public string Empty { get; init; } = "Nothing to choose from.";
}
