using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OneDigital.Content.Store;

namespace OneDigital.Search.Tasks;

/// <summary>
/// The reads the indexer makes, as plain SQL on the context's connection: tasks past a cursor, the current versions
/// of a batch of items, and pages of every current version for a rebuild (no change tracking, no LINQ per row).
/// </summary>
internal sealed class StoreReader(ContentDbContext db)
{
    public sealed record TaskRow(long Id, string ContentItemId);

    public sealed record VersionRow(long Id, string ContentItemId, string Document, bool Latest, bool Published);

    public async Task<long> MaxTaskIdAsync(CancellationToken ct)
    {
        await using var command = await CommandAsync("""SELECT MAX("Id") FROM "IndexingTasks" """, ct);
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    public async Task<List<TaskRow>> TasksAfterAsync(long cursor, int count, CancellationToken ct)
    {
        await using var command = await CommandAsync("""SELECT "Id", "ContentItemId" FROM "IndexingTasks" WHERE "Id" > @c ORDER BY "Id" LIMIT @n""", ct, ("@c", cursor), ("@n", count));
        var rows = new List<TaskRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new TaskRow(reader.GetInt64(0), reader.GetString(1)));
        }
        return rows;
    }

    /// <summary>The latest (or published) version of each of the items that has one.</summary>
    public async Task<Dictionary<string, VersionRow>> CurrentVersionsAsync(IReadOnlyCollection<string> contentItemIds, bool latest, CancellationToken ct)
    {
        var result = new Dictionary<string, VersionRow>(StringComparer.Ordinal);
        if (contentItemIds.Count == 0) return result;
        var names = contentItemIds.Select((_, i) => $"@i{i}").ToArray();
        var parameters = contentItemIds.Select((id, i) => (names[i], (object)id)).Append(("@f", true)).ToArray();
        await using var command = await CommandAsync(
            $"""SELECT "Id", "ContentItemId", "Document", "Latest", "Published" FROM "ContentItems" WHERE "ContentItemId" IN ({string.Join(", ", names)}) AND {Flag(latest)} = @f""",
            ct, parameters);
        foreach (var row in await ReadVersionsAsync(command, ct))
        {
            result[row.ContentItemId] = row;
        }
        return result;
    }

    /// <summary>A page of current versions of the given types, in id order after <paramref name="afterId"/>.</summary>
    public async Task<List<VersionRow>> VersionPageAsync(IReadOnlyCollection<string> contentTypes, bool latest, long afterId, int count, CancellationToken ct)
    {
        if (contentTypes.Count == 0) return [];
        var names = contentTypes.Select((_, i) => $"@t{i}").ToArray();
        var parameters = contentTypes.Select((type, i) => (names[i], (object)type))
            .Append(("@f", true)).Append(("@a", afterId)).Append(("@n", count)).ToArray();
        await using var command = await CommandAsync(
            $"""SELECT "Id", "ContentItemId", "Document", "Latest", "Published" FROM "ContentItems" WHERE {Flag(latest)} = @f AND "ContentType" IN ({string.Join(", ", names)}) AND "Id" > @a ORDER BY "Id" LIMIT @n""",
            ct, parameters);
        return await ReadVersionsAsync(command, ct);
    }

    private static string Flag(bool latest) => latest ? "\"Latest\"" : "\"Published\"";

    private static async Task<List<VersionRow>> ReadVersionsAsync(DbCommand command, CancellationToken ct)
    {
        var rows = new List<VersionRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new VersionRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4)));
        }
        return rows;
    }

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        if (db.Database.GetDbConnection().State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
