// Why: a picker over thousands of items cannot list them all. It shows what is chosen (in order, each with a Remove
// button) and a search box: with scripts a combobox asking SearchUrl as the editor types (picker.mjs), without them
// a Search button that posts the form and shows the matches as checkboxes or radios (posted as {Name}.Add).
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Pickers;

public sealed record SearchPickerField(string Name, string Label, IReadOnlyList<PickerOption> Chosen) : FormField(Name, Label)
{
    public const string RemoveAction = "picker-remove";

    public bool Multiple { get; init; }

    /// <summary>The JSON endpoint the script asks (<c>?q=</c>).</summary>
    public string SearchUrl { get; init; } = "";

    /// <summary>What was typed in the search box, kept when the form is shown again.</summary>
    public string? Search { get; init; }

    /// <summary>The matches of a no-script search; null when no search was asked for.</summary>
    public IReadOnlyList<PickerOption>? Results { get; init; }

    /// <summary>What is chosen ("items", "users"), in the texts around the picker.</summary>
    public string Noun { get; init; } = "items";

    public string SearchName => Name + ".Search";

    public string AddName => Name + ".Add";

    /// <summary>A Remove button's <c>action</c>: the form comes back without that choice, unsaved.</summary>
    public string RemoveValue(string id) => $"{RemoveAction}|{Name}|{id}";

    /// <summary>The ids chosen in a post: those kept (less one removed by its button), then the matches ticked; only the last when one may be chosen.</summary>
    public static string[] Read(Microsoft.AspNetCore.Http.IFormCollection form, string name, bool multiple)
    {
        var removed = form["action"].ToString() is var action && action.StartsWith($"{RemoveAction}|{name}|", StringComparison.Ordinal)
            ? action[$"{RemoveAction}|{name}|".Length..]
            : null;
        var kept = Fields.FormValues.All(form, name).Where(id => id != removed);
        var added = Fields.FormValues.All(form, name + ".Add");
        var ids = kept.Concat(added).Distinct(StringComparer.Ordinal).ToArray();
        return multiple || ids.Length <= 1 ? ids : [ids[^1]];
    }
}
