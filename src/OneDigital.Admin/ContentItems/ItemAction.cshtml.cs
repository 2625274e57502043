// Why: one item's lifecycle action: the GET is the confirmation page (destructive actions link here; it is also the
// no-JavaScript way to any action), the POST does it and goes back to the list with a banner saying what happened.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Items;

namespace OneDigital.Admin.ContentItems;

public sealed class ItemActionModel(ContentActions actions) : AdminPage
{
    [FromRoute(Name = "id")] public string ContentItemId { get; set; } = "";
    [FromRoute(Name = "verb")] public string Verb { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public ContentAction Action { get; private set; }
    public ContentItem Item { get; private set; } = null!;
    public string Back => ContentRoutes.SafeReturn(ReturnUrl);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        var outcome = await actions.RunAsync(HttpContext, Action, ContentItemId);
        if (outcome.Forbidden) return new ForbiddenResult();
        TempData["Banner"] = outcome.Done
            ? $"‘{outcome.Title}’ was {ContentActions.Done(Action)}."
            : $"‘{outcome.Title}’ was not {ContentActions.Done(Action)}: {outcome.Reason}.";
        TempData["BannerIsProblem"] = !outcome.Done;
        return LocalRedirect(Back);
    }

    // Both the page and the action are refused to whoever may not do it: a 404 for no item, a 403 for no permission.
    private async Task<IActionResult?> LoadAsync()
    {
        if (ContentActions.FromSlug(Verb) is not { } action) return NotFound();
        Action = action;
        if (await actions.FindAsync(ContentItemId, HttpContext.RequestAborted) is not { } item) return NotFound();
        Item = item;
        return await DemandAsync(ContentActions.PermissionFor(action), item);
    }
}
