// Why: a list whose ListPart has EnableOrdering is put in order here: by dragging (SortableJS) then "Save order", or
// without JavaScript by a Move up / Move down button per item, each of which saves at once. Either way the posted
// order is the list's items as shown, and ContentManager refuses one that no longer matches the list (409).
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Versions;
using OneDigital.Content.Definitions;
using OneDigital.Content.Errors;
using OneDigital.Content.Items;
using OneDigital.Content.Parts.Lists;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Editing.Lists;

public sealed class OrderModel(ContentQuery query, ContentManager manager, ContentDefinitionStore definitions) : ItemPage(query)
{
    /// <summary>Lists longer than this are not ordered here: a page of hundreds of buttons helps no one.</summary>
    public const int MaxItems = 500;

    /// <summary>The ModelState key of order errors, and the id of the list they link to.</summary>
    public const string OrderField = "order";

    public const string MoveField = "move";

    public IReadOnlyList<ContentItem> Children { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The item just moved (after a redirect), for the success message.</summary>
    [BindProperty(SupportsGet = true, Name = "moved")]
    public string? Moved { get; set; }

    [BindProperty(SupportsGet = true, Name = "saved")]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadListAsync(id) is { } refused) return refused;
        await LoadChildrenAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await LoadListAsync(id) is { } refused) return refused;
        var order = Request.Form[OrderField].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        var move = Request.Form[MoveField].ToString();
        var moved = Move(order, move);
        try
        {
            await manager.ReorderContainedAsync(id, order, HttpContext.RequestAborted);
            // Without JavaScript the page reloads at the item moved, so the keyboard carries on from there.
            return Redirect(PathOf(id, "order") + (moved is null ? "?saved=true" : $"?moved={Uri.EscapeDataString(moved)}#child-{moved}"));
        }
        catch (ListOrderException refusedOrder)
        {
            ModelState.AddModelError(OrderField, refusedOrder.Message);
            Response.StatusCode = ((IClientError)refusedOrder).Status;
        }
        await LoadChildrenAsync(id);
        return Page();
    }

    public string TitleOf(ContentItem child) => child.DisplayText is { Length: > 0 } text ? text : child.ContentItemId;

    /// <summary>Applies "up:{id}" or "down:{id}" to the order; the id moved, or null for a plain save.</summary>
    private static string? Move(List<string> order, string move)
    {
        var (direction, childId) = move.Split(':', 2) is [var d, var c] ? (d, c) : ("", "");
        var at = order.IndexOf(childId);
        var to = direction switch { "up" => at - 1, "down" => at + 1, _ => -1 };
        if (at < 0 || to < 0 || to >= order.Count) return null;
        (order[at], order[to]) = (order[to], order[at]);
        return childId;
    }

    private async Task<IActionResult?> LoadListAsync(string id)
    {
        if (await LoadAsync(id, Permissions.EditContent) is { } refused) return refused;
        var type = await definitions.GetTypeAsync(Item.ContentType, HttpContext.RequestAborted);
        var ordered = type?.Parts.Any(p => p.PartName == "ListPart" && p.GetSettings<ListPartSettings>().EnableOrdering) == true;
        return ordered ? null : NotFound();
    }

    private async Task LoadChildrenAsync(string id) =>
        (Children, Total) = await Query.GetLatestChildrenAsync(id, MaxItems, HttpContext.RequestAborted);
}
