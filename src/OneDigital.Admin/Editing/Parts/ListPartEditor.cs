// Why: a list (a blog, a report series) shows its items, each linking to its own editor, in the list's order.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Parts;

internal sealed class ListPartEditor : IPartEditor
{
    private const int Shown = 100;

    public string? MainInput(EditorPart part) => null;

    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item)
    {
        var children = item.ContentItemId.Length == 0
            ? []
            : (await part.Services.Query.GetChildrenAsync([item.ContentItemId], 0, Shown, part.Services.Aborted)).GetValueOrDefault(item.ContentItemId) ?? [];
        return
        [
            new InfoField(part.Name, "Items in this list")
            {
                Text = children.Count == 0 ? "No published items are in this list yet." : null,
                Links = [.. children.Select(c => new InfoLink(c.DisplayText ?? c.ContentItemId, ContentEditorLinks.Edit(c.ContentItemId)))],
            },
        ];
    }

    public void Read(EditorPart part, JsonObject json, IFormCollection form)
    {
    }
}
