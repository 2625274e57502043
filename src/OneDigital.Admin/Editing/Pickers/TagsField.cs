// Why: the Tags editor is a text input that works alone (comma-separated names, read on save); tags.mjs makes it a
// combobox suggesting terms for the name being typed, from SearchUrl.
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Pickers;

public sealed record TagsField(string Name, string Label) : FormField(Name, Label)
{
    public string? Value { get; init; }

    public string SearchUrl { get; init; } = "";
}
