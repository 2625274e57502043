// Why: some parts are shown rather than typed (the list an item is in, a list's children, parts whose editor comes
// later); they sit in the form's order with the same heading and hint as the inputs.
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing;

/// <summary>Text and links to show in the form; no input (<see cref="FormField.Name"/> only names it).</summary>
public sealed record InfoField(string Name, string Label) : FormField(Name, Label)
{
    public string? Text { get; init; }

    public IReadOnlyList<InfoLink> Links { get; init; } = [];
}

public sealed record InfoLink(string Text, string Href);
