using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Recipes.Steps;
using OneDigital.Content.Security;

namespace OneDigital.Content.Store;

/// <summary>The store-wide version numbers caches are keyed by, as last read.</summary>
/// <param name="Definitions">The content definitions document's version.</param>
/// <param name="Roles">The roles stamp document's version (bumped by every role write).</param>
/// <param name="Content">Changes whenever an indexing task is appended, i.e. on every content change from any process.</param>
/// <param name="Queries">The stored queries document's version.</param>
/// <param name="Applications">The OpenID applications stamp document's version (bumped by every application write).</param>
public sealed record StoreVersionSnapshot(int Definitions, int Roles, long Content, int Queries, int Applications = 0);

/// <summary>
/// Process-wide watch on what other processes (web nodes, CLI imports) may change in the shared store: read at most
/// once per <see cref="PollInterval"/>, and again at once after this process commits such a change
/// (<see cref="Invalidate"/>), so per-request checks cost no store query and another node's change shows within
/// about a second.
/// </summary>
public sealed class StoreVersions(IServiceScopeFactory scopes)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The document whose version moves whenever a partner application is added, changed or removed.</summary>
    public const string ApplicationsStampDocumentName = "OpenIdApplicationsStamp";

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
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.Name == ContentDefinitionStore.DocumentName || d.Name == RoleService.StampDocumentName || d.Name == QueriesStep.DocumentName
                || d.Name == ApplicationsStampDocumentName)
            .Select(d => new { d.Name, d.Version }).ToListAsync(ct);
        // The count as well as the highest id: PostgreSQL may commit a lower id after a higher one.
        var lastTask = await db.IndexingTasks.MaxAsync(t => (long?)t.Id, ct) ?? 0;
        var taskCount = await db.IndexingTasks.LongCountAsync(ct);
        return new StoreVersionSnapshot(
            documents.FirstOrDefault(d => d.Name == ContentDefinitionStore.DocumentName)?.Version ?? 0,
            documents.FirstOrDefault(d => d.Name == RoleService.StampDocumentName)?.Version ?? 0,
            lastTask * 1_000_003 + taskCount,
            documents.FirstOrDefault(d => d.Name == QueriesStep.DocumentName)?.Version ?? 0,
            documents.FirstOrDefault(d => d.Name == ApplicationsStampDocumentName)?.Version ?? 0);
    }
}
