// Why: taking an old version back must never change what readers see by surprise: it makes a new draft (the
// published version stays served until someone publishes), asks first, and refuses when the item moved on since the
// editor looked (the form carries the latest version it was shown). The trail records who restored what.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Content.Audit;
using OneDigital.Content.Errors;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Content.Versions;

namespace OneDigital.Admin.Versions;

public sealed class RestoreModel(ContentQuery query, ContentManager manager, StoreTransaction transaction, AuditTrail audit)
    : ItemPage(query)
{
    public ContentVersionInfo Version { get; private set; } = null!;

    /// <summary>What restoring would change in the latest version.</summary>
    public IReadOnlyList<VersionChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, string versionId) =>
        await PrepareAsync(id, versionId) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id, string versionId, [FromForm] string? loadedVersionId)
    {
        if (await PrepareAsync(id, versionId) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        try
        {
            var draft = await transaction.RunAsync(async () =>
            {
                var restored = await manager.RestoreAsync(id, versionId, loadedVersionId ?? Item.ContentItemVersionId, User.Identity?.Name, ct);
                await audit.RecordAsync(AuditEntry.For(AuditKind.Restored, restored, $"restored from version {Version.Number}"), ct);
                return restored;
            }, ct);
            var number = (await Query.GetVersionHistoryAsync(id, ct)).First(v => v.ContentItemVersionId == draft.ContentItemVersionId).Number;
            return Redirect($"{PathOf(id, "versions")}?restored={number}");
        }
        catch (Exception ex) when (ex is IClientError)
        {
            // The item moved on since the page was shown (a conflict), or the draft is not valid: nothing was written.
            ModelState.AddModelError("", ex.Message);
            await PrepareAsync(id, versionId);
            return Page();
        }
    }

    private async Task<IActionResult?> PrepareAsync(string id, string versionId)
    {
        if (await LoadAsync(id, Permissions.EditContent) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        if ((await Query.GetVersionHistoryAsync(id, ct)).FirstOrDefault(v => v.ContentItemVersionId == versionId) is not { } version
            || await Query.GetVersionAsync(versionId, ct) is not { } old)
        {
            return NotFound();
        }
        Version = version;
        Changes = VersionDiff.Compare(Item, old);
        return null;
    }
}
