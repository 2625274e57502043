// Why: serious findings (an image without alt text, a link without text) keep some readers out, so publishing from
// the admin stops at this page: the changes are already saved as a draft, and the editor either goes back to fix
// them or publishes anyway with a reason, which the audit trail keeps with the finding ids. A plain form: no script.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Editing;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.Writing;

public sealed class PublishAnywayModel(ContentManager manager, ContentDefinitionStore definitions, WritingSettings settings, AuditTrail audit, StoreTransaction transaction)
    : AdminPage
{
    public const int MaxReasonLength = 500;

    public ContentItem Item { get; private set; } = null!;

    /// <summary>The findings of the item's type's blocking checks; empty when nothing holds the publish.</summary>
    public IReadOnlyList<WritingFinding> Blocking { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The version the page was shown for: a newer save means the findings may have changed.</summary>
    [BindProperty]
    public string VersionId { get; set; } = "";

    public string Back => ContentEditorLinks.Edit(Item.ContentItemId);

    /// <summary>The findings that hold back publishing the item from the admin, by its type's <see cref="WritingChecksSettings"/>.</summary>
    public static IReadOnlyList<WritingFinding> BlockingFindings(ContentItem item, ContentDefinitionDocument definitions, PlainEnglishList words) =>
        WritingChecksSettings.Of(definitions.Type(item.ContentType))
            .BlockingAmong(ItemBodies.Check(item, definitions, words).SelectMany(b => b.Report.Findings));

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        VersionId = Item.ContentItemVersionId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var shownVersion = VersionId;
        if (await LoadAsync(id) is { } refused) return refused;
        if (!string.Equals(shownVersion, Item.ContentItemVersionId, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Reason), "Someone saved this item since this page was shown. Check the findings below again.");
            VersionId = Item.ContentItemVersionId;
            return Page();
        }
        var reason = Reason?.Trim() ?? "";
        if (Blocking.Count > 0 && reason.Length == 0) ModelState.AddModelError(nameof(Reason), "Enter why you are publishing with these findings.");
        else if (reason.Length > MaxReasonLength) ModelState.AddModelError(nameof(Reason), $"The reason must be {MaxReasonLength} characters or fewer.");
        if (!ModelState.IsValid) return Page();

        var ct = HttpContext.RequestAborted;
        await transaction.RunAsync(async () =>
        {
            await manager.PublishAsync(Item, ct);
            if (Blocking.Count > 0)
            {
                var ids = string.Join(", ", Blocking.Select(f => f.CheckId).Distinct());
                await audit.RecordAsync(AuditEntry.For(AuditKind.PublishedDespiteWritingFindings, Item, $"Findings: {ids}. Reason: {reason}"), ct);
            }
        }, ct);
        return Redirect(ContentEditorLinks.List);
    }

    private async Task<IActionResult?> LoadAsync(string id)
    {
        var ct = HttpContext.RequestAborted;
        if (await manager.GetAsync(id, VersionOptions.Latest, ct) is not { } item) return NotFound();
        Item = item;
        if (await DemandAsync(Permissions.PublishContent, item) is { } refused) return refused;
        Blocking = BlockingFindings(item, await definitions.GetAsync(ct), await settings.GetWordsAsync(ct));
        return null;
    }
}
