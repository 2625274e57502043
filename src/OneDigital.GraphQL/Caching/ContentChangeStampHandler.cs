using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.GraphQL.Caching;

/// <summary>
/// Bumps the in-process stamp when a write that published, unpublished or removed content commits. Bumping inside the
/// transaction would let a concurrent reader cache the old content under the new stamp.
/// </summary>
internal sealed class ContentChangeStampHandler(ContentDbContext db, StoreTransaction transaction, InProcessContentChangeStamp stamp) : IContentEventHandler
{
    // One bump per transaction, however many items it changes (an import).
    private object? _pendingFor;

    public Task PublishedAsync(ContentItem item) => MarkChanged();

    public Task UnpublishedAsync(ContentItem item) => MarkChanged();

    public Task RemovedAsync(ContentItem item) => MarkChanged();

    private Task MarkChanged()
    {
        var current = db.Database.CurrentTransaction;
        if (current is null || !ReferenceEquals(current, _pendingFor))
        {
            _pendingFor = current;
            transaction.AfterCommit(stamp.Bump);
        }
        return Task.CompletedTask;
    }
}
