// Why: parts without an editor yet (Taxonomy terms, and any part the engine keeps but does not know) are
// saved back exactly as loaded, and the form says so rather than hiding them.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Parts;

internal sealed class KeptPartEditor : IPartEditor
{
    public string? MainInput(EditorPart part) => null;

    public Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item) =>
        Task.FromResult<IReadOnlyList<FormField>>(
            item.Part(part.Name) is { Count: > 0 }
                ? [new InfoField(part.Input, part.Definition.PartName) { Text = "This part cannot be edited here yet; it is saved as it is." }]
                : []);

    public void Read(EditorPart part, JsonObject json, IFormCollection form)
    {
    }
}
