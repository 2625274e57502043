using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace OneDigital.Content.Recipes.Staging;

/// <summary>
/// Carries a finished staged import into the live store in one short write transaction: rows the import changed or
/// removed, if nobody else changed them since the copy was taken, and rows it added. All of it commits or none of
/// it, so readers see the import complete or not at all, and a process killed here leaves the store as it was.
/// </summary>
internal static class StagingApplier
{
    /// <summary>Applies the import; returns how long the live store's write lock was held.</summary>
    public static async Task<TimeSpan> ApplyAsync(string liveConnectionString, StagingDatabase staging, CancellationToken ct)
    {
        await using var live = new SqliteConnection(liveConnectionString);
        await live.OpenAsync(ct);
        await ExecuteAsync(live, null, $"ATTACH DATABASE '{staging.Path.Replace("'", "''", StringComparison.Ordinal)}' AS staged;", ct);
        try
        {
            // Same tables in both (the copy is of this store); a migration run since would show here.
            var tables = await SqliteTable.ReadAllAsync(live, ct: ct);
            if (tables.Count != staging.Tables.Count || tables.Any(t => staging.Tables.All(s => s.Name != t.Name)))
            {
                throw new StagedImportException("the store's tables changed while the import ran (a migration?); nothing was imported.");
            }
            var clock = Stopwatch.StartNew();
            // Each INSERT below carries a whole table's new rows, and the title-search trigger (a virtual table) makes
            // SQLite keep a statement journal for it: the first image of every page of the store it touches. The
            // site's connections keep temporary files in memory (SqlitePragmas), which here made that journal about
            // 4 KB per imported item (220 MB of the process at 50,000 into 50,000); in a file it sits in the OS's
            // cache instead. The pool hands this connection back to EF, whose pragmas set it again on open.
            // IMMEDIATE takes the write lock now, so the check below and the writes see the same store.
            await ExecuteAsync(live, null, "PRAGMA foreign_keys = ON; PRAGMA temp_store = FILE;", ct);
            await using var transaction = live.BeginTransaction(deferred: false);
            clock.Restart();
            await ExecuteAsync(live, transaction, "PRAGMA defer_foreign_keys = ON;", ct);
            foreach (var table in staging.Tables)
            {
                await CheckUnchangedAsync(live, transaction, table, ct);
            }
            foreach (var table in staging.Tables)
            {
                await ApplyTableAsync(live, transaction, table, ct);
            }
            await transaction.CommitAsync(ct);
            return clock.Elapsed;
        }
        catch (SqliteException ex)
        {
            // A constraint the site's concurrent writes and the import's rows break together (the same unique name).
            throw new StagedImportException($"the import could not be written to the store, nothing was imported: {ex.Message}", ex);
        }
        finally
        {
            await ExecuteAsync(live, null, "DETACH DATABASE staged;", CancellationToken.None);
        }
    }

    /// <summary>
    /// A row the import changed must still be as the import found it, and a row it added under a key of its own
    /// (a document name, a role id) must not have been added by someone else; otherwise the site wrote the same
    /// thing meanwhile, and the import gives way rather than overwrite it.
    /// </summary>
    private static async Task CheckUnchangedAsync(SqliteConnection live, SqliteTransaction transaction, SqliteTable table, CancellationToken ct)
    {
        var old = $"staged.{SqliteTable.Quote($"_import_old_{table.Name}")}";
        var same = string.Join(" AND ", table.Columns.Select(c => $"l.{SqliteTable.Quote(c)} IS o.{SqliteTable.Quote(c)}"));
        await ThrowIfAnyAsync(live, transaction, table, "changed",
            $"SELECT {table.List(table.Key, "o")} FROM {old} o WHERE NOT EXISTS (SELECT 1 FROM main.{table.Quoted} l WHERE {same}) LIMIT 1", ct);
        if (!table.HasRowIdKey || table.IsReferenced)
        {
            var added = $"staged.{SqliteTable.Quote($"_import_new_{table.Name}")}";
            await ThrowIfAnyAsync(live, transaction, table, "added",
                $"SELECT {table.List(table.Key, "a")} FROM {added} a WHERE EXISTS (SELECT 1 FROM main.{table.Quoted} l WHERE {table.KeyEquals("l", "a")}) LIMIT 1", ct);
        }
    }

    private static async Task ThrowIfAnyAsync(SqliteConnection live, SqliteTransaction transaction, SqliteTable table, string what, string sql, CancellationToken ct)
    {
        await using var command = live.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (await reader.ReadAsync(ct))
        {
            var key = string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{table.Key[i]}={reader.GetValue(i)}"));
            throw new StagedImportException($"the {table.Name} row ({key}) was {what} by another writer while the import ran; nothing was imported, run it again.");
        }
    }

    private static async Task ApplyTableAsync(SqliteConnection live, SqliteTransaction transaction, SqliteTable table, CancellationToken ct)
    {
        foreach (var sql in Statements(table))
        {
            await ExecuteAsync(live, transaction, sql, ct);
        }
    }

    /// <summary>
    /// What carries one table's changes, in order: rows removed, rows changed, rows added. Each statement is driven by
    /// the import's own change tables and reaches the big tables only by key, so the time under the lock follows the
    /// size of the import, not of the store. CROSS JOIN is SQLite's way to fix the join order: without statistics it
    /// rates a change table and the copied table alike, and chose to scan the copy (the store's size) for the changed
    /// rows.
    /// </summary>
    internal static IReadOnlyList<string> Statements(SqliteTable table)
    {
        var old = $"staged.{SqliteTable.Quote($"_import_old_{table.Name}")}";
        var added = $"staged.{SqliteTable.Quote($"_import_new_{table.Name}")}";
        var staged = $"staged.{table.Quoted}";
        var key = table.List(table.Key);
        var valueColumns = table.Columns.Except(table.Key).ToList();
        var statements = new List<string>
        {
            // Rows that existed before and are gone from the copy were removed by the import.
            $"""
            DELETE FROM main.{table.Quoted} WHERE ({key}) IN (
              SELECT {table.List(table.Key, "o")} FROM {old} o WHERE NOT EXISTS (SELECT 1 FROM {staged} s WHERE {table.KeyEquals("s", "o")}));
            """,
        };
        if (valueColumns.Count > 0)
        {
            // Rows the import changed, each found by its key. (UPDATE ... FROM was tried: SQLite walked the live table.)
            statements.Add($"""
                UPDATE main.{table.Quoted} SET ({table.List(valueColumns)}) = (
                  SELECT {table.List(valueColumns, "s")} FROM {staged} s WHERE {table.KeyEquals("s", $"main.{table.Quoted}")})
                WHERE ({key}) IN (SELECT {table.List(table.Key, "o")} FROM {old} o CROSS JOIN {staged} s ON {table.KeyEquals("s", "o")});
                """);
        }
        // Rows the import added. The store numbers rows nobody points at itself, after what the site wrote meanwhile
        // (the indexing-task log stays in commit order); rows others point at keep the high numbers of the copy.
        // Ordered by the change table's key, not the copy's, which would make SQLite walk the copy in key order.
        var columns = table.HasRowIdKey && !table.IsReferenced ? valueColumns : [.. table.Columns];
        statements.Add($"""
            INSERT INTO main.{table.Quoted} ({table.List(columns)})
            SELECT {table.List(columns, "s")} FROM {added} a CROSS JOIN {staged} s ON {table.KeyEquals("s", "a")}
            ORDER BY {table.List(table.Key, "a")};
            """);
        return statements;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>A staged import that could not be carried into the live store; nothing of it was written.</summary>
public sealed class StagedImportException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
