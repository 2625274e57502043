namespace OneDigital.Content.Store;

/// <summary>
/// Runs work in the scope's open transaction, or in a new one that commits only if the work succeeds. When a
/// transaction it opened rolls back, the change tracker and every scoped cache forget what happened inside it.
/// Work registered with <see cref="AfterCommit"/> runs once the outermost transaction it opened has committed.
/// </summary>
public sealed class StoreTransaction(ContentDbContext db, AfterCommitQueue afterCommit, IEnumerable<IScopedCache> caches)
{
    /// <inheritdoc cref="AfterCommitQueue.Add"/>
    public void AfterCommit(Action action) => afterCommit.Add(action);

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work();
            await transaction.CommitAsync(ct);
            afterCommit.RunAll();
            return result;
        }
        catch
        {
            afterCommit.Clear();
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            foreach (var cache in caches) cache.Reset();
            throw;
        }
    }

    public Task RunAsync(Func<Task> work, CancellationToken ct = default) =>
        RunAsync(async () => { await work(); return true; }, ct);
}
