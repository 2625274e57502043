using System.Data.Common;
using System.Globalization;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Indexing;

/// <summary>
/// What a search indexer reads, in batches and as plain SQL (no change tracking, no LINQ per row): the task log past a
/// cursor, the current versions of a batch of items, and pages of every current version for a rebuild. Versions come
/// unparsed, so a rebuild parses them on its writer threads.
/// </summary>
public sealed class IndexingReads(ContentDbContext db)
{
    public sealed record TaskRow(long Id, string ContentItemId);

    public async Task<long> MaxTaskIdAsync(CancellationToken ct)
    {
        await using var command = await StoreCommands.SqlAsync(db, """SELECT MAX("Id") FROM "IndexingTasks" """, ct);
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }

    public async Task<List<TaskRow>> TasksAfterAsync(long cursor, int count, CancellationToken ct)
    {
        await using var command = await StoreCommands.SqlAsync(db, """SELECT "Id", "ContentItemId" FROM "IndexingTasks" WHERE "Id" > @p0 ORDER BY "Id" LIMIT @p1""", ct, cursor, count);
        var rows = new List<TaskRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new TaskRow(reader.GetInt64(0), reader.GetString(1)));
        }
        return rows;
    }

    /// <summary>How many tasks the log holds past <paramref name="cursor"/> (an index's lag behind the store).</summary>
    public async Task<long> CountTasksAfterAsync(long cursor, CancellationToken ct)
    {
        await using var command = await StoreCommands.SqlAsync(db, """SELECT COUNT(*) FROM "IndexingTasks" WHERE "Id" > @p0""", ct, cursor);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>How many current versions of the given types a rebuild pages through (its progress's total).</summary>
    public async Task<long> CountVersionsAsync(IReadOnlyCollection<string> contentTypes, bool latest, CancellationToken ct)
    {
        if (contentTypes.Count == 0) return 0;
        await using var command = await StoreCommands.SqlAsync(db,
            $"""SELECT COUNT(*) FROM "ContentItems" WHERE {Flag(latest)} = @p0 AND "ContentType" IN ({StoreCommands.InList(1, contentTypes.Count)})""",
            ct, [true, .. contentTypes]);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>The latest (or published) version of each of the items that has one.</summary>
    public async Task<Dictionary<string, StoredVersion>> CurrentVersionsAsync(IReadOnlyCollection<string> contentItemIds, bool latest, CancellationToken ct)
    {
        var result = new Dictionary<string, StoredVersion>(StringComparer.Ordinal);
        if (contentItemIds.Count == 0) return result;
        await using var command = await StoreCommands.SqlAsync(db,
            $"""SELECT "Id", "ContentItemId", "Document", "Latest", "Published" FROM "ContentItems" WHERE {Flag(latest)} = @p0 AND "ContentItemId" IN ({StoreCommands.InList(1, contentItemIds.Count)})""",
            ct, [true, .. contentItemIds]);
        foreach (var row in await ReadVersionsAsync(command, ct))
        {
            result[row.ContentItemId] = row;
        }
        return result;
    }

    /// <summary>A page of current versions of the given types, in id order after <paramref name="afterId"/>.</summary>
    public async Task<List<StoredVersion>> VersionPageAsync(IReadOnlyCollection<string> contentTypes, bool latest, long afterId, int count, CancellationToken ct)
    {
        if (contentTypes.Count == 0) return [];
        await using var command = await StoreCommands.SqlAsync(db,
            $"""SELECT "Id", "ContentItemId", "Document", "Latest", "Published" FROM "ContentItems" WHERE {Flag(latest)} = @p0 AND "Id" > @p1 AND "ContentType" IN ({StoreCommands.InList(3, contentTypes.Count)}) ORDER BY "Id" LIMIT @p2""",
            ct, [true, afterId, count, .. contentTypes]);
        return await ReadVersionsAsync(command, ct);
    }

    private static string Flag(bool latest) => latest ? "\"Latest\"" : "\"Published\"";

    private static async Task<List<StoredVersion>> ReadVersionsAsync(DbCommand command, CancellationToken ct)
    {
        var rows = new List<StoredVersion>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new StoredVersion(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4)));
        }
        return rows;
    }
}

/// <summary>A current version as read for indexing, not parsed yet; <see cref="Id"/> orders versions for paging.</summary>
public sealed record StoredVersion(long Id, string ContentItemId, string Document, bool Latest, bool Published)
{
    public ContentItem ToItem() => ContentItemStore.ToItem(Document, Latest, Published);
}
