using Microsoft.Data.Sqlite;
using Npgsql;

namespace OneDigital.Content.Store;

/// <summary>
/// Turns a database error into what it means for a caller: the store is busy (retry soon) or unavailable (read-only,
/// damaged, gone, unreachable). Everything else is a bug or a bad request and is left alone. One place, so every
/// endpoint and the health checks word these the same way.
/// </summary>
public static class StoreFailures
{
    private static readonly TimeSpan RetrySoon = TimeSpan.FromSeconds(5);

    /// <summary>The store failure <paramref name="error"/> (or an exception inside it) stands for, or null.</summary>
    public static StoreUnavailableException? Classify(Exception error, TimeSpan busyTimeout)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StoreUnavailableException known:
                    return known;
                case SqliteException sqlite when Sqlite(sqlite, busyTimeout) is { } mapped:
                    return mapped;
                case PostgresException postgres when Postgres(postgres, busyTimeout) is { } mapped:
                    return mapped;
                case NpgsqlException npgsql when npgsql is not PostgresException:
                    return new StoreUnavailableException("The database server cannot be reached.", RetrySoon, npgsql);
            }
        }
        return null;
    }

    private static StoreUnavailableException? Sqlite(SqliteException e, TimeSpan busyTimeout) => (e.SqliteErrorCode & 0xFF) switch
    {
        // SQLITE_BUSY, SQLITE_LOCKED: another writer (a CLI import) held the store past the busy timeout.
        5 or 6 => Busy(busyTimeout, e),
        // SQLITE_READONLY
        8 => new StoreUnavailableException("The database file is read-only; the site cannot save changes.", null, e),
        // SQLITE_CORRUPT, SQLITE_NOTADB
        11 or 26 => new StoreUnavailableException("The database file is damaged (SQLite reports it malformed or not a database).", null, e),
        // SQLITE_IOERR, SQLITE_CANTOPEN
        10 or 14 => new StoreUnavailableException("The database file cannot be read or written.", null, e),
        // SQLITE_FULL
        13 => new StoreUnavailableException("The disk holding the database is full.", RetrySoon, e),
        _ => null,
    };

    private static StoreUnavailableException? Postgres(PostgresException e, TimeSpan busyTimeout) => e.SqlState switch
    {
        PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => Busy(busyTimeout, e),
        PostgresErrorCodes.ReadOnlySqlTransaction => new StoreUnavailableException("The database is read-only; the site cannot save changes.", null, e),
        PostgresErrorCodes.DiskFull => new StoreUnavailableException("The database server's disk is full.", RetrySoon, e),
        PostgresErrorCodes.InvalidCatalogName => new StoreUnavailableException("The database no longer exists on the server.", null, e),
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
            => new StoreUnavailableException("The database server is not accepting work right now.", RetrySoon, e),
        _ => null,
    };

    private static StoreBusyException Busy(TimeSpan busyTimeout, Exception e) => new(
        $"The store is busy: another writer held it for longer than {busyTimeout.TotalSeconds:0.#} s (OneDigital:Database:BusyTimeoutSeconds). Try again shortly.",
        RetrySoon, e);
}
