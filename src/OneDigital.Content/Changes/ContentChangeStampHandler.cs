using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Changes;

/// <summary>
/// Has the store-wide stamp read again when a write that published, unpublished or removed content commits on this
/// node, so its cache does not wait for the next poll. Before the commit a reader would keep the old content under
/// the new stamp.
/// </summary>
internal sealed class ContentChangeStampHandler(ContentDbContext db, StoreTransaction transaction, StoreVersions versions) : IContentEventHandler
{
    // One bump per transaction, however many items it changes (an import).
    private object? _pendingFor;

    public Task PublishedAsync(ContentItem item) => MarkChanged();

    public Task UnpublishedAsync(ContentItem item) => MarkChanged();

    public Task RemovedAsync(ContentItem item) => MarkChanged();

    // Readers of the list (GraphQL's list field) see the published items in their new order.
    public Task ContainedReorderedAsync(ContentItem list, IReadOnlyList<ContentItem> moved) => MarkChanged();

    private Task MarkChanged()
    {
        var current = db.Database.CurrentTransaction;
        if (current is null || !ReferenceEquals(current, _pendingFor))
        {
            _pendingFor = current;
            transaction.AfterCommit(versions.Invalidate);
        }
        return Task.CompletedTask;
    }
}
