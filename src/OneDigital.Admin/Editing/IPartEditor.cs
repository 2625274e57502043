// Why: each known part has its own small editor (Title, Autoroute, Alias, bodies, list and container), kept apart
// from the field editors because a part's properties are its own, not a field's value.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing;

public interface IPartEditor
{
    /// <summary>The input a part-level error links to (the part's main input), null when the part has none.</summary>
    string? MainInput(EditorPart part);

    Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item);

    /// <summary>Writes the posted values into the part's JSON (the part as loaded; properties the editor does not show stay).</summary>
    void Read(EditorPart part, JsonObject json, IFormCollection form);
}
