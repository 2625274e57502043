using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace OneDigital.Content.Store;

/// <summary>The store-wide version numbers caches are keyed by, as last read.</summary>
public sealed class StoreVersionSnapshot
{
    private readonly WatchedDocument[] _documents;
    private readonly int[] _versions;

    internal StoreVersionSnapshot(WatchedDocument[] documents, int[] versions, long content)
    {
        _documents = documents;
        _versions = versions;
        Content = content;
    }

    /// <summary>Changes on every content change from any process (<see cref="IStoreChangeLog"/>: an indexing task is appended).</summary>
    public long Content { get; }

    /// <summary>The document's version (0 while it does not exist). A handful of documents are watched, so a scan by reference beats hashing.</summary>
    public int Of(WatchedDocument document)
    {
        for (var i = 0; i < _documents.Length; i++)
        {
            if (ReferenceEquals(_documents[i], document)) return _versions[i];
        }
        throw new InvalidOperationException(
            $"The document '{document.Name}' is not watched: its feature registers its {nameof(WatchedDocument)} as a singleton.");
    }
}

/// <summary>
/// Process-wide watch on what other processes (web nodes, CLI imports) may change in the shared store: read at most
/// once per <see cref="PollInterval"/>, and again at once after this process commits such a change
/// (<see cref="Invalidate"/>), so per-request checks cost no store query and another node's change shows within
/// about a second. Which documents it watches it learns from the <see cref="WatchedDocument"/>s features register.
/// </summary>
public sealed class StoreVersions(IServiceScopeFactory scopes, IEnumerable<WatchedDocument> watched, IStoreChangeLog changes)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Written into the poll's SQL as a comment, so logs and command counters can tell it from a request's queries.</summary>
    public const string PollTag = "StoreVersions poll";

    private readonly WatchedDocument[] _watched = [.. watched.Distinct()];
    private readonly string[] _names = [.. watched.Select(w => w.Name).Distinct()];

    private readonly SemaphoreSlim _reading = new(1, 1);
    private long _generation;
    private (StoreVersionSnapshot Versions, long Generation, long ReadAtMs)? _current;

    public async ValueTask<StoreVersionSnapshot> GetAsync(CancellationToken ct = default)
    {
        if (Fresh() is { } fresh) return fresh;
        await _reading.WaitAsync(ct);
        try
        {
            if (Fresh() is { } again) return again;
            // Taken before reading: a commit during the read leaves the result stale, and the next call reads again.
            var generation = Interlocked.Read(ref _generation);
            var versions = await ReadAsync(ct);
            _current = (versions, generation, Environment.TickCount64);
            return versions;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>This process committed a change: the next <see cref="GetAsync"/> reads the store.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private StoreVersionSnapshot? Fresh() =>
        _current is { } c && c.Generation == Interlocked.Read(ref _generation) && Environment.TickCount64 - c.ReadAtMs < PollInterval.TotalMilliseconds
            ? c.Versions
            : null;

    private async Task<StoreVersionSnapshot> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var names = _names;
        var documents = await db.Documents.AsNoTracking()
            .TagWith(PollTag)
            .Where(d => names.Contains(d.Name))
            .Select(d => new { d.Name, d.Version }).ToListAsync(ct);
        var content = await changes.ReadStampAsync(db, ct);
        var versions = _watched.Select(w => documents.FirstOrDefault(d => d.Name == w.Name)?.Version ?? 0).ToArray();
        return new StoreVersionSnapshot(_watched, versions, content);
    }
}
