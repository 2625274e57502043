// Why: each field kind's editor is three small things kept together, so a kind's form, its read-back and its input
// errors change in one file: what to show, how a posted form becomes Orchard's JSON shape, and what input is refused
// before the content engine sees it.
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing;

public interface IFieldEditor
{
    /// <summary>The inputs for the field's stored value (null when the item has none); the first is named <see cref="EditorField.Name"/>.</summary>
    Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, System.Text.Json.Nodes.JsonObject? value);

    /// <summary>The field's value in Orchard's JSON shape from the posted form; input that cannot be read is reported through <see cref="EditorField.AddError"/>.</summary>
    System.Text.Json.Nodes.JsonObject Read(EditorField field, IFormCollection form);
}
