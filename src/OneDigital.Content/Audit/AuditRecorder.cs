// Why: content changes are audited by the content events, inside the change's transaction (as the indexing task and
// the webhook outbox are), so a change that rolls back leaves no row and a committed one always has its row.
using Microsoft.EntityFrameworkCore.Storage;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Audit;

public sealed class AuditRecorder(AuditTrail trail, ContentDbContext db) : IContentEventHandler
{
    // A discard raises its own event and then the Updated (or Removed) it causes; the editor did one thing.
    private (string ContentItemId, IDbContextTransaction? Transaction)? _discarded;

    public Task CreatedAsync(ContentItem item) => RecordAsync(AuditKind.Created, item);
    public Task UpdatedAsync(ContentItem item) => RecordAsync(AuditKind.Updated, item);
    public Task PublishedAsync(ContentItem item) => RecordAsync(AuditKind.Published, item);
    public Task UnpublishedAsync(ContentItem item) => RecordAsync(AuditKind.Unpublished, item);
    public Task RemovedAsync(ContentItem item) => RecordAsync(AuditKind.Deleted, item);

    public async Task DraftDiscardedAsync(ContentItem draft)
    {
        await RecordAsync(AuditKind.DraftDiscarded, draft);
        _discarded = (draft.ContentItemId, db.Database.CurrentTransaction);
    }

    public Task ClonedAsync(ContentItem source, ContentItem clone) =>
        RecordAsync(AuditKind.Cloned, clone, $"cloned from {source.ContentItemId} ({source.DisplayText})");

    // One row for the list, however many of its items moved: the editor made one change.
    public Task ContainedReorderedAsync(ContentItem list, IReadOnlyList<ContentItem> moved) =>
        RecordAsync(AuditKind.Reordered, list, $"{moved.Count} item{(moved.Count == 1 ? "" : "s")} moved: {string.Join(", ", moved.Select(m => m.DisplayText ?? m.ContentItemId))}");

    private async Task RecordAsync(AuditKind kind, ContentItem item, string? detail = null)
    {
        if (trail.IsQuiet)
        {
            return;
        }
        if (kind is not AuditKind.DraftDiscarded && _discarded is { Transaction: not null } discarded
            && discarded == (item.ContentItemId, db.Database.CurrentTransaction))
        {
            return;
        }
        await trail.RecordAsync(AuditEntry.For(kind, item, detail));
    }
}
