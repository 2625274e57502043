using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneDigital.Content.Store;

/// <summary>
/// WAL lets a CLI import and the running site share one SQLite file; NORMAL sync is safe in WAL mode and keeps
/// commits cheap; the busy timeout makes a writer wait for another a bounded time (OneDigital:Database:BusyTimeoutSeconds),
/// after which it is answered 503 "busy" rather than kept waiting behind a long import. A 32 MB page cache keeps the
/// field index's upper levels in memory as the store grows past SQLite's 2 MB default (8 MB was tried: at 100,000
/// items imports ran a third slower, for 44 MB less at the peak).
/// </summary>
internal sealed class SqlitePragmas(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _pragmas =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds}; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }
}
