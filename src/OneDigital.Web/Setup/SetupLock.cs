using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OneDigital.Content.Store;

namespace OneDigital.Web.Setup;

/// <summary>
/// Lets processes that share one store (web nodes, a CLI verb beside the site) set it up one at a time: a PostgreSQL
/// advisory lock, or a lock file beside the SQLite database. Both are released by the operating system or the server
/// when the process dies, so a crash never leaves the store locked.
/// </summary>
internal static class SetupLock
{
    // Any fixed number that no other lock of ours uses (the store's migrations take "OneDigit" while we hold this
    // one); this one spells "ODSetup!".
    private const long PostgresLockKey = 0x4F44536574757021;

    public static Task<IAsyncDisposable> AcquireAsync(ContentDbContext db, StoreOptions store, ILogger logger, CancellationToken ct) =>
        store.Provider == DatabaseProvider.Postgres
            ? AcquirePostgresAsync(db, store.ConnectionString!, logger, ct)
            : AcquireFileAsync(store, logger, ct);

    private static async Task<IAsyncDisposable> AcquirePostgresAsync(ContentDbContext db, string connectionString, ILogger logger, CancellationToken ct)
    {
        // The lock lives in the database, so the database must exist first; two processes may both try to create it.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another process created it first.
            }
        }
        // A connection of its own, outside the pool: a session lock must not travel with a pooled connection.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (await RunAsync(connection, "SELECT pg_try_advisory_lock(@key)", ct) is not true)
            {
                logger.LogInformation("Waiting for another process to finish setting up the store");
                await RunAsync(connection, "SELECT pg_advisory_lock(@key)", ct);
            }
            return new PostgresLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<object?> RunAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        // No timeout: another process's setup may take as long as its recipe does.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("key", PostgresLockKey);
        return await command.ExecuteScalarAsync(ct);
    }

    private sealed class PostgresLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await RunAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<IAsyncDisposable> AcquireFileAsync(StoreOptions store, ILogger logger, CancellationToken ct)
    {
        var path = LockFilePath(store);
        if (path is null)
        {
            return NoLock.Instance;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var waiting = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock on the open file, held until it is closed.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (ex is not DirectoryNotFoundException and not PathTooLongException)
            {
                if (!waiting)
                {
                    logger.LogInformation("Waiting for another process to finish setting up the store ({LockFile})", path);
                    waiting = true;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
    }

    /// <summary>The lock file beside the SQLite database, or null for an in-memory database.</summary>
    internal static string? LockFilePath(StoreOptions store)
    {
        var builder = new SqliteConnectionStringBuilder(store.SqliteConnectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return null;
        }
        return Path.GetFullPath(dataSource) + ".setup-lock";
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
