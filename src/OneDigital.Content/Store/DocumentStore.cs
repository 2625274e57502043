using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace OneDigital.Content.Store;

/// <summary>Named JSON documents (site settings, definitions, queries, ...). Each save bumps the version.</summary>
/// <remarks>Every save tells <see cref="StoreVersions"/>, so this process's caches keyed by versions see it at once.</remarks>
public sealed class DocumentStore(ContentDbContext db, StoreVersions versions, AfterCommitQueue afterCommit)
{
    public async Task<(T Value, int Version)> GetAsync<T>(string name, CancellationToken ct = default) where T : new()
    {
        var record = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, ct);
        return record is null
            ? (new T(), 0)
            : (JsonSerializer.Deserialize<T>(record.Json, ContentJson.Compact) ?? new T(), record.Version);
    }

    public async Task<JsonObject> GetJsonAsync(string name, CancellationToken ct = default)
    {
        var record = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, ct);
        return record is null ? [] : JsonNode.Parse(record.Json) as JsonObject ?? [];
    }

    /// <summary>Replaces the document, whatever its version: for a value made whole, not changed from one read earlier.</summary>
    public Task<int> SaveAsync<T>(string name, T value, CancellationToken ct = default) =>
        SaveAsync(name, value, expectedVersion: null, ct);

    /// <summary>
    /// Saves the document only if it is still at <paramref name="expectedVersion"/> (0: not stored yet), the version
    /// the change was made from, so a change made meanwhile (another request, another node) is never overwritten.
    /// </summary>
    /// <exception cref="DocumentConflictException">The document moved on; nothing was written.</exception>
    public Task<int> SaveAsync<T>(string name, T value, int expectedVersion, CancellationToken ct = default) =>
        SaveAsync(name, value, (int?)expectedVersion, ct);

    /// <summary>
    /// Reads, changes and saves a document in the caller's transaction (run it inside <see cref="StoreTransaction"/>), the
    /// row write-locked before it is read, so concurrent changes on other connections and nodes queue instead of one
    /// losing the other's.
    /// </summary>
    public async Task<int> UpdateAsync<T>(string name, Action<T> change, CancellationToken ct = default) where T : new()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"Updating '{name}' needs a transaction to hold its lock: run it in StoreTransaction.");
        }
        // A no-op UPDATE takes the row's write lock on PostgreSQL and the database's on SQLite until commit; the read
        // after it sees the latest committed version.
        await db.Database.ExecuteSqlAsync($"UPDATE \"Documents\" SET \"Version\" = \"Version\" WHERE \"Name\" = {name}", ct);
        var (value, version) = await GetAsync<T>(name, ct);
        change(value);
        return await SaveAsync(name, value, version, ct);
    }

    private async Task<int> SaveAsync<T>(string name, T value, int? expectedVersion, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(value, ContentJson.Compact);
        var record = await db.Documents.FirstOrDefaultAsync(d => d.Name == name, ct);
        if (expectedVersion is { } expected && (record?.Version ?? 0) != expected)
        {
            throw new DocumentConflictException(name, expected, record?.Version ?? 0);
        }
        if (record is null)
        {
            record = new DocumentRecord { Name = name, Version = 1, Json = json };
            db.Documents.Add(record);
        }
        else
        {
            record.Version++;
            record.Json = json;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (expectedVersion is not null)
        {
            // Moved between the read above and the UPDATE (the version is the row's concurrency token).
            db.Entry(record).State = EntityState.Detached;
            throw new DocumentConflictException(name, expectedVersion.Value, expectedVersion.Value + 1);
        }
        // Now and after the commit: a read in between would see (and keep) the old version.
        versions.Invalidate();
        afterCommit.Add(versions.Invalidate);
        return record.Version;
    }

    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken ct = default) =>
        await db.Documents.AsNoTracking().Select(d => d.Name).OrderBy(n => n).ToListAsync(ct);
}
