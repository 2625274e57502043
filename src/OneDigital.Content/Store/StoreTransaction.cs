namespace OneDigital.Content.Store;

/// <summary>
/// Runs work in the scope's open transaction, or in a new one that commits only if the work succeeds. When a
/// transaction it opened rolls back, the change tracker and every scoped cache forget what happened inside it.
/// Work registered with <see cref="AfterCommit"/> runs once the outermost transaction it opened has committed.
/// </summary>
public sealed class StoreTransaction(ContentDbContext db, IEnumerable<IScopedCache> caches)
{
    private readonly List<Action> _afterCommit = [];

    /// <summary>
    /// Runs <paramref name="action"/> after the open transaction commits (never if it rolls back), or now when no
    /// transaction is open. For effects others may observe (cache invalidation) that must not precede the data.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (db.Database.CurrentTransaction is null)
        {
            action();
            return;
        }
        _afterCommit.Add(action);
    }

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
            RunAfterCommit();
            return result;
        }
        catch
        {
            _afterCommit.Clear();
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            foreach (var cache in caches) cache.Reset();
            throw;
        }
    }

    private void RunAfterCommit()
    {
        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        foreach (var action in actions) action();
    }

    public Task RunAsync(Func<Task> work, CancellationToken ct = default) =>
        RunAsync(async () => { await work(); return true; }, ct);
}
