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

    public async Task<int> SaveAsync<T>(string name, T value, CancellationToken ct = default)
    {
        var json = JsonSerializer.Serialize(value, ContentJson.Compact);
        var record = await db.Documents.FirstOrDefaultAsync(d => d.Name == name, ct);
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
        await db.SaveChangesAsync(ct);
        // Now and after the commit: a read in between would see (and keep) the old version.
        versions.Invalidate();
        afterCommit.Add(versions.Invalidate);
        return record.Version;
    }

    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken ct = default) =>
        await db.Documents.AsNoTracking().Select(d => d.Name).OrderBy(n => n).ToListAsync(ct);
}
