namespace OneDigital.GraphQL.Loading;

/// <summary>
/// Collects keys while a level of the query is resolved and loads them all with one fetch when the first result is
/// needed; later keys start the next batch. One per execution and kind of lookup.
/// </summary>
internal sealed class BatchLoader<TKey, TValue>(
    GraphQLUserContext context,
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly HashSet<TKey> _missing = [];

    /// <summary>Queues the key now; the value is fetched with the others of its batch.</summary>
    public DeferredResult<TValue?> Load(TKey key)
    {
        Queue(key);
        return new DeferredResult<TValue?>(ct => GetAsync(key, ct));
    }

    public void Queue(TKey key)
    {
        lock (_pending)
        {
            if (!_loaded.ContainsKey(key) && !_missing.Contains(key)) _pending.Add(key);
        }
    }

    public async Task<TValue?> GetAsync(TKey key, CancellationToken ct)
    {
        lock (_pending)
        {
            if (_loaded.TryGetValue(key, out var done)) return done;
            if (_missing.Contains(key)) return default;
            _pending.Add(key);
        }
        await context.WithStoreAsync(async () =>
        {
            TKey[] batch;
            lock (_pending)
            {
                batch = [.. _pending];
                _pending.Clear();
            }
            if (batch.Length > 0)
            {
                var values = await fetch(batch, ct);
                lock (_pending)
                {
                    foreach (var k in batch)
                    {
                        if (values.TryGetValue(k, out var v)) _loaded[k] = v;
                        else _missing.Add(k);
                    }
                }
            }
            return true;
        }, ct);
        lock (_pending)
        {
            return _loaded.TryGetValue(key, out var value) ? value : default;
        }
    }
}
