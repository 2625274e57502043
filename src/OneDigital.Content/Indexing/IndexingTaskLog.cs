using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Store;

namespace OneDigital.Content.Indexing;

/// <summary>
/// The indexing task log as the store's change log: every content change appends a task, so the log's size and
/// highest id move with every change any process commits (GraphQL's response cache keys on it).
/// </summary>
public sealed class IndexingTaskLog : IStoreChangeLog
{
    public async Task<long> ReadStampAsync(ContentDbContext db, CancellationToken ct)
    {
        // The count as well as the highest id: PostgreSQL may commit a lower id after a higher one.
        var tasks = db.Set<IndexingTask>();
        var lastTask = await tasks.MaxAsync(t => (long?)t.Id, ct) ?? 0;
        var taskCount = await tasks.LongCountAsync(ct);
        return lastTask * 1_000_003 + taskCount;
    }
}
