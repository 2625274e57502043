using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Store;
using OneDigital.Web.Setup;

namespace OneDigital.Web.Health;

/// <summary>
/// Checks that the store on disk is still the one the site opened: the SQLite file is still there and still holds
/// the same store id (read on a connection of its own, because pooled connections keep reading a deleted file), or
/// the PostgreSQL database still holds it. When it is not, the store is given up for lost: writes are refused from
/// then on, the log says what happened, and the data folder's marker is written again (recreating a deleted folder)
/// so that a restart reports the loss instead of setting up a new site.
/// </summary>
public sealed class StoreWatch(StoreCondition condition, StoreOptions store, IServiceScopeFactory scopes, ILogger<StoreWatch> logger)
{
    /// <summary>Null when the store is the one opened (or not opened yet); otherwise why it is lost.</summary>
    public async Task<string?> CheckAsync(CancellationToken ct)
    {
        if (condition.OpenedStore is not { } opened)
        {
            return condition.LostReason;
        }
        if (condition.LostReason is { } lost)
        {
            // Possibly found by the store's own commit check, which cannot log or write the marker.
            return Lose(opened, lost);
        }
        string? found;
        try
        {
            found = await ReadStoreIdAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && StoreFailures.Classify(ex, store.BusyTimeout) is { } failure)
        {
            // Busy or unreadable is not lost: the read and write checks report it, and it may pass.
            logger.LogDebug(ex, "Store identity check: {Failure}", failure.Message);
            return null;
        }
        catch (StoreVanishedException vanished)
        {
            return Lose(opened, vanished.Message);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            // "no such table": the file was replaced by an empty database.
            logger.LogDebug(ex, "Store identity check: the database has no Documents table");
            found = null;
        }
        if (found is null)
        {
            return Lose(opened, $"{StoreMarker.Describe(store)} no longer holds a set-up store (it was emptied or replaced by a new one).");
        }
        if (found != opened.StoreId)
        {
            return Lose(opened, $"{StoreMarker.Describe(store)} now holds a different store ({found}), not the one this site opened ({opened.StoreId}).");
        }
        return null;
    }

    private async Task<string?> ReadStoreIdAsync(CancellationToken ct)
    {
        string? json;
        if (store.SqliteFilePath is { } file)
        {
            if (!File.Exists(file))
            {
                throw new StoreVanishedException($"the database file {file} has vanished (deleted or moved while the site ran).");
            }
            var connectionString = new SqliteConnectionStringBuilder(store.SqliteConnectionString)
            {
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Json\" FROM \"Documents\" WHERE \"Name\" = $name";
            command.Parameters.AddWithValue("$name", SiteSetup.DocumentName);
            json = await command.ExecuteScalarAsync(ct) as string;
        }
        else
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            json = await db.Documents.AsNoTracking().Where(d => d.Name == SiteSetup.DocumentName).Select(d => d.Json).FirstOrDefaultAsync(ct);
        }
        return json is null ? null : JsonSerializer.Deserialize<SetupRecord>(json)?.StoreId;
    }

    private int _reported;

    /// <summary>Whether the loss has been logged and the marker written.</summary>
    public bool Reported => Volatile.Read(ref _reported) == 1;

    private string Lose(StoreMarker opened, string reason)
    {
        condition.MarkLost(reason);
        reason = condition.LostReason!;
        if (Interlocked.Exchange(ref _reported, 1) == 1)
        {
            return reason;
        }
        logger.LogCritical("The store is lost: {Reason} Writes are refused and /health reports it until the site is restarted on a sound store.", reason);
        try
        {
            var marker = StoreMarker.For(store, opened.StoreId, opened.SetUpUtc);
            marker.LostUtc = DateTime.UtcNow;
            marker.LostReason = reason;
            marker.Write(store);
            logger.LogCritical("Wrote {Marker}: a restart on this data folder will report the lost store and not set up a new site.", StoreMarker.PathIn(store));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Could not write the store marker {Marker}", StoreMarker.PathIn(store));
        }
        return reason;
    }

    private sealed class StoreVanishedException(string message) : Exception(message);
}
