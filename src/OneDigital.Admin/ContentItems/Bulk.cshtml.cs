// Why: publishing, unpublishing or deleting several items at once is asked for on a page that lists them, then done
// item by item (each its own transaction, each permission-checked), and the editor is told what was done and what
// was refused and why.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Items;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ContentItems;

public sealed class BulkModel(ContentActions actions, ContentScope scope, PermissionService permissions) : AdminPage
{
    /// <summary>The most items one bulk action takes: a page of the list.</summary>
    public const int MaxItems = 100;

    [BindProperty(Name = "Action")] public string? ActionSlug { get; set; }
    [BindProperty] public List<string> Ids { get; set; } = [];
    [BindProperty] public bool Confirmed { get; set; }
    [BindProperty] public string? ReturnUrl { get; set; }

    public ContentAction Action { get; private set; }
    public IReadOnlyList<ContentItem> Items { get; private set; } = [];
    public string Back => ContentRoutes.SafeReturn(ReturnUrl);

    public IActionResult OnGet() => LocalRedirect(ContentRoutes.List);

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (ContentActions.FromSlug(ActionSlug) is not ContentAction.Publish and not ContentAction.Unpublish and not ContentAction.Delete)
        {
            return BadRequest();
        }
        Action = ContentActions.FromSlug(ActionSlug)!.Value;
        // Who may not do this to any item (a Contributor publishing) is refused outright, as a forged single POST is.
        if (!await MayOnSomeTypeAsync(ct)) return new ForbiddenResult();
        var ids = Ids.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            TempData["Banner"] = $"Nothing was {ContentActions.Done(Action)}: select the items first.";
            TempData["BannerIsProblem"] = true;
            return LocalRedirect(Back);
        }
        if (ids.Count > MaxItems) return BadRequest();
        if (!Confirmed)
        {
            var items = new List<ContentItem>();
            foreach (var id in ids)
            {
                if (await actions.FindAsync(id, ct) is { } item) items.Add(item);
            }
            Items = items;
            return Page();
        }
        var outcomes = new List<ActionOutcome>();
        foreach (var id in ids)
        {
            outcomes.Add(await actions.RunAsync(HttpContext, Action, id));
        }
        var done = outcomes.Count(o => o.Done);
        var refused = outcomes.Where(o => !o.Done).ToList();
        TempData["Banner"] = refused.Count == 0
            ? $"{Count(done)} {ContentActions.Done(Action)}."
            : $"{Count(done)} {ContentActions.Done(Action)}; {Count(refused.Count)} not:";
        TempData["BannerDetails"] = string.Join('\n', refused.Select(o => $"‘{o.Title}’: {o.Reason}"));
        TempData["BannerIsProblem"] = refused.Count > 0;
        return LocalRedirect(Back);
    }

    private static string Count(int n) => n == 1 ? "1 item" : $"{n} items";

    private async Task<bool> MayOnSomeTypeAsync(CancellationToken ct)
    {
        var own = ContentTypePermissions.OwnVariation(ContentActions.PermissionFor(Action))!;
        foreach (var type in await scope.TypesAsync(User, ct, unlistedToo: true, editableOnly: true))
        {
            if (await permissions.IsGrantedForTypeAsync(User, own, type.Name, ct)) return true;
        }
        return false;
    }
}
