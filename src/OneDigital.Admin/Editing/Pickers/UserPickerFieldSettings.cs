// Why: only the admin reads a user picker's settings (the engine stores ids and names whatever they say); Orchard's
// names and defaults, so a definition from Orchard behaves the same here.
namespace OneDigital.Admin.Editing.Pickers;

public sealed class UserPickerFieldSettings
{
    public string? Hint { get; set; }
    public bool Required { get; set; }
    public bool Multiple { get; set; }
    public bool DisplayAllUsers { get; set; } = true;
    public string[] DisplayedRoles { get; set; } = [];
}
