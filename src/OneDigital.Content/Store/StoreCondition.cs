namespace OneDigital.Content.Store;

/// <summary>
/// What this process knows about its store beyond a single query: whether the site has opened it (setup done or
/// verified, so background work may read it) and whether it has been lost since (the database vanished, or another
/// store took its place). A lost store refuses every write here, because SQLite would otherwise go on acknowledging
/// writes into a deleted file.
/// </summary>
public sealed class StoreCondition
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _lostReason;

    /// <summary>Completes once the store has been set up or found set up, with its schema current.</summary>
    public Task Opened => _opened.Task;

    public bool IsLost => _lostReason is not null;

    /// <summary>Why the store was given up for lost, or null.</summary>
    public string? LostReason => _lostReason;

    /// <summary>The store the site opened, as its data folder's marker records it; null until then.</summary>
    public StoreMarker? OpenedStore { get; private set; }

    public void MarkOpened(StoreMarker store)
    {
        OpenedStore = store;
        _opened.TrySetResult();
    }

    /// <summary>Records the loss; returns true the first time, so the caller logs it once.</summary>
    public bool MarkLost(string reason) => Interlocked.CompareExchange(ref _lostReason, reason, null) is null;

    public void ThrowIfLost()
    {
        if (_lostReason is { } reason)
        {
            throw new StoreUnavailableException($"The store is unavailable: {reason} Writes are refused until the site is restarted on a sound store.");
        }
    }
}
