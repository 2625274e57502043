// Why: an item in a list (a blog post in its blog) shows which list it is in, linking to the list's editor; moving
// it to another list is not an edit of this form.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Fields;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Parts;

internal sealed class ContainedPartEditor : IPartEditor
{
    public string? MainInput(EditorPart part) => null;

    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item)
    {
        var listId = FormValues.String(item.Part(part.Name), "ListContentItemId");
        var list = listId is null ? null : await part.Services.Query.GetLatestAsync(listId, part.Services.Aborted);
        return
        [
            list is null
                ? new InfoField(part.Input, "In the list") { Text = "This item is not in a list." }
                : new InfoField(part.Input, "In the list") { Links = [new InfoLink(list.DisplayText ?? list.ContentItemId, ContentEditorLinks.Edit(list.ContentItemId))] },
        ];
    }

    public void Read(EditorPart part, JsonObject json, IFormCollection form)
    {
    }
}
