namespace OneDigital.Content.Store;

/// <summary>
/// The scope's work waiting for its open transaction to commit. Kept apart from <see cref="StoreTransaction"/> so
/// that <see cref="DocumentStore"/> can take it in its constructor: the transaction depends on the scoped caches,
/// which depend on the document store.
/// </summary>
public sealed class AfterCommitQueue(ContentDbContext db)
{
    private readonly List<Action> _actions = [];

    /// <summary>
    /// Runs <paramref name="action"/> after the open transaction commits (never if it rolls back), or now when no
    /// transaction is open. For effects others may observe (cache invalidation) that must not precede the data.
    /// </summary>
    public void Add(Action action)
    {
        if (db.Database.CurrentTransaction is null)
        {
            action();
            return;
        }
        _actions.Add(action);
    }

    internal void RunAll()
    {
        var actions = _actions.ToArray();
        _actions.Clear();
        foreach (var action in actions) action();
    }

    internal void Clear() => _actions.Clear();
}
