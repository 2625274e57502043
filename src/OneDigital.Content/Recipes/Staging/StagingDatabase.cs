using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace OneDigital.Content.Recipes.Staging;

/// <summary>
/// A private copy of the SQLite store that a long import writes to, so the live store's single write lock is not
/// held while the recipe runs. Triggers in the copy note the first image of every row the import changes and every
/// row it adds; <see cref="StagingApplier"/> carries exactly those into the live store in one short transaction.
/// The copy lives in <c>{DataDir}/Imports</c> and is deleted afterwards; a copy left by a killed process was never
/// visible to anyone and is deleted by the next staged import.
/// </summary>
internal sealed class StagingDatabase : IAsyncDisposable
{
    // Rows the import adds to a table other tables point at keep their numbers in the live store. Numbering them
    // this far above the live store's last number leaves room for everything the site writes meanwhile.
    public const long IdHeadroom = 1_000_000_000;

    private StagingDatabase(string path, List<SqliteTable> tables)
    {
        Path = path;
        Tables = tables;
    }

    public string Path { get; }

    public IReadOnlyList<SqliteTable> Tables { get; }

    /// <summary>Pooling off: the file is deleted when the import ends, and no pooled handle may keep it.</summary>
    public string ConnectionString => $"Data Source={Path};Pooling=False;Default Timeout=30";

    public static async Task<StagingDatabase> CreateAsync(string liveConnectionString, string dataDir, CancellationToken ct)
    {
        var folder = System.IO.Path.Combine(dataDir, "Imports");
        Directory.CreateDirectory(folder);
        DeleteAbandoned(folder);
        var path = System.IO.Path.Combine(folder, $"import-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var staging = new StagingDatabase(path, []);
        try
        {
            await using (var live = new SqliteConnection(liveConnectionString))
            await using (var copy = new SqliteConnection(staging.ConnectionString))
            {
                await live.OpenAsync(ct);
                await copy.OpenAsync(ct);
                // The online backup reads one consistent snapshot; in WAL mode it does not stop the site's writers.
                live.BackupDatabase(copy);
            }
            await using var connection = new SqliteConnection(staging.ConnectionString);
            await connection.OpenAsync(ct);
            var tables = await SqliteTable.ReadAllAsync(connection, ct: ct);
            await InstallCaptureAsync(connection, tables, ct);
            return new StagingDatabase(path, tables);
        }
        catch
        {
            Delete(path);
            throw;
        }
    }

    /// <summary>
    /// The copy is thrown away if the process stops before its changes are applied, so its commit need not survive a
    /// crash: a rollback journal in memory and no syncing make the copy's commit write each page once, rather than
    /// to the write-ahead log and again at its checkpoint. Rollbacks (of the recipe, of a savepoint) still work.
    /// For the connection the recipe runs on, opened once for the whole import (the setting lasts while it is open).
    /// </summary>
    public static async Task SkipDurabilityAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;";
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task InstallCaptureAsync(SqliteConnection connection, List<SqliteTable> tables, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        foreach (var table in tables)
        {
            var old = SqliteTable.Quote($"_import_old_{table.Name}");
            var added = SqliteTable.Quote($"_import_new_{table.Name}");
            var key = table.List(table.Key);
            string Matches(string target, string row) => string.Join(" AND ", table.Key.Select(k => $"{target}.{SqliteTable.Quote(k)} = {row}.{SqliteTable.Quote(k)}"));
            // The first image of a row that existed before the import (its state to compare and restore), and the
            // keys of rows the import added. A row the import added and then changed stays "added". Indexed by key:
            // every write of the import looks its row up here, and a key added again is ignored by that index
            // rather than looked up first (one probe less for every row an import inserts).
            var firstImage = $"""
                INSERT INTO {old} ({table.List(table.Columns)}) SELECT {table.List(table.Columns, "OLD")}
                WHERE NOT EXISTS (SELECT 1 FROM {old} o WHERE {Matches("o", "OLD")})
                  AND NOT EXISTS (SELECT 1 FROM {added} n WHERE {Matches("n", "OLD")});
                """;
            await ExecuteAsync(connection, transaction, $"""
                CREATE TABLE {old} AS SELECT * FROM {table.Quoted} WHERE 0;
                CREATE TABLE {added} AS SELECT {key} FROM {table.Quoted} WHERE 0;
                CREATE UNIQUE INDEX {SqliteTable.Quote($"_import_old_{table.Name}_key")} ON {old} ({key});
                CREATE UNIQUE INDEX {SqliteTable.Quote($"_import_new_{table.Name}_key")} ON {added} ({key});
                CREATE TRIGGER {SqliteTable.Quote($"_import_u_{table.Name}")} BEFORE UPDATE ON {table.Quoted} BEGIN {firstImage} END;
                CREATE TRIGGER {SqliteTable.Quote($"_import_d_{table.Name}")} BEFORE DELETE ON {table.Quoted} BEGIN {firstImage} END;
                CREATE TRIGGER {SqliteTable.Quote($"_import_i_{table.Name}")} AFTER INSERT ON {table.Quoted} BEGIN
                  INSERT OR IGNORE INTO {added} ({key}) SELECT {table.List(table.Key, "NEW")}
                  WHERE NOT EXISTS (SELECT 1 FROM {old} o WHERE {Matches("o", "NEW")});
                END;
                """, ct);
            if (table.HasRowIdKey && table.IsReferenced)
            {
                // Numbered far above the live store's rows so the live store can take them with their numbers.
                await ExecuteAsync(connection, transaction, $"""
                    INSERT INTO sqlite_sequence (name, seq) SELECT '{table.Name.Replace("'", "''", StringComparison.Ordinal)}', 0
                    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{table.Name.Replace("'", "''", StringComparison.Ordinal)}');
                    UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max({SqliteTable.Quote(table.Key[0])}), 0) FROM {table.Quoted})) + {IdHeadroom}
                    WHERE name = '{table.Name.Replace("'", "''", StringComparison.Ordinal)}';
                    """, ct);
            }
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Copies left by a process that no longer runs (killed mid-import): never applied, never visible.</summary>
    private static void DeleteAbandoned(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "import-*.db"))
        {
            var parts = System.IO.Path.GetFileName(file).Split('-');
            if (parts.Length >= 3 && int.TryParse(parts[1], out var pid) && !IsRunning(pid))
            {
                Delete(file);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try { File.Delete(file); } catch (IOException) { }
        }
    }

    public ValueTask DisposeAsync()
    {
        Delete(Path);
        return ValueTask.CompletedTask;
    }
}
