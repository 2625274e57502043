using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace OneDigital.Content.Store;

/// <summary>
/// Brings the store's schema up to date on start. Several processes may start at once (a web farm on one
/// PostgreSQL database, a CLI import beside the site on one SQLite file): one migrates, the others wait for it and
/// then find nothing left to do.
/// </summary>
public sealed class StoreInitializer(ContentDbContext db)
{
    // "OneDigit" in ASCII: the key of the session-level advisory lock migrators take on a PostgreSQL database.
    private const long PostgresMigrationLockKey = 0x4F6E654469676974;

    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(100);

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            await MigratePostgresAsync(ct);
        }
        else if (db.Database.IsSqlite())
        {
            await MigrateSqliteAsync(ct);
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }
    }

    private async Task MigratePostgresAsync(CancellationToken ct)
    {
        await CreatePostgresDatabaseAsync(ct);
        // EF locks the history table only once it has created it (CREATE TABLE IF NOT EXISTS, which PostgreSQL
        // does not make safe against a concurrent twin); the advisory lock covers the whole migration, and the
        // server drops it with the session if this process dies.
        var lockConnectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString;
        await using var lockConnection = new NpgsqlConnection(lockConnectionString);
        await lockConnection.OpenAsync(ct);
        await ExecuteAsync(lockConnection, $"SELECT pg_advisory_lock({PostgresMigrationLockKey})", ct);
        try
        {
            // EF finds out whether its history table exists by querying it, which logs a failed command on a new
            // database: a clean first start would log an error. Creating the table first (as EF would) avoids that.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await ExecuteAsync(lockConnection, $"SELECT pg_advisory_unlock({PostgresMigrationLockKey})", CancellationToken.None);
        }
    }

    private async Task CreatePostgresDatabaseAsync(CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it first.
        }
    }

    private async Task MigrateSqliteAsync(CancellationToken ct)
    {
        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (StoreOptions.IsInMemory(connection))
        {
            await db.Database.MigrateAsync(ct);
            return;
        }
        // The operating system drops a file lock when its process dies, unlike EF's lock row in __EFMigrationsLock,
        // which a killed migration leaves behind for every later start to wait on forever. Holding the file lock,
        // any such row is known to be stale.
        await using var fileLock = await AcquireFileLockAsync(Path.GetFullPath(connection.DataSource) + ".migrate.lock", ct);
        await CreateSqliteFileAsync(connection, ct);
        await ClearStaleSqliteLockAsync(ct);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>The store's own connections open the file read-write only (see <see cref="StoreOptions.SqliteConnectionString"/>); this is the one place that creates it.</summary>
    private static async Task CreateSqliteFileAsync(SqliteConnectionStringBuilder connection, CancellationToken ct)
    {
        if (File.Exists(connection.DataSource))
        {
            return;
        }
        var create = new SqliteConnectionStringBuilder(connection.ConnectionString) { Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        await using var created = new SqliteConnection(create.ConnectionString);
        await created.OpenAsync(ct);
    }

    private async Task ClearStaleSqliteLockAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                await ExecuteAsync(connection, "DELETE FROM \"__EFMigrationsLock\"", ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not DirectoryNotFoundException)
            {
                await Task.Delay(LockPollInterval, ct);
            }
        }
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
