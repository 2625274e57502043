// Why: a list (a blog, a report series) shows its items in the list's order, drafts too, each linking to its own
// editor; where the list's ListPart has EnableOrdering, a link leads to the page that orders them (a form of its own:
// its moves save at once, which a button inside this form could not do without losing what is typed here).
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Lists;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Admin.Versions;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Parts;

internal sealed class ListPartEditor : IPartEditor
{
    private const int Shown = 100;

    public string? MainInput(EditorPart part) => null;

    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item)
    {
        var (children, total) = item.ContentItemId.Length == 0 || item.CreatedUtc is null
            ? ([], 0)
            : await part.Services.Query.GetLatestChildrenAsync(item.ContentItemId, Shown, part.Services.Aborted);
        var ordered = part.Settings<ListPartSettings>().EnableOrdering;
        var links = children.Select(c => new InfoLink($"{c.DisplayText ?? c.ContentItemId}{(c.Published ? "" : " (draft)")}", ContentEditorLinks.Edit(c.ContentItemId))).ToList();
        if (ordered && total > 1 && total <= OrderModel.MaxItems) links.Add(new InfoLink("Change the order of these items", ItemPage.PathOf(item.ContentItemId, "order")));
        return
        [
            new InfoField(part.Input, "Items in this list")
            {
                Text = total == 0 ? "No items are in this list yet."
                    : total > Shown ? $"The first {Shown} of {total} items, in the list's order."
                    : ordered ? "In the list's order." : "In the order they were added.",
                Links = links,
            },
        ];
    }

    public void Read(EditorPart part, JsonObject json, IFormCollection form)
    {
    }
}
