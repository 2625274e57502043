// Why: two nodes starting together on an empty store would each make a key of their own; making the first key here,
// under a lock every node takes, leaves one key that all of them use from their first request.
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneDigital.Content.Store;

namespace OneDigital.Web.Security;

public sealed class StoredKeyRing(IServiceScopeFactory scopes, IKeyManager keys, IOptions<KeyManagementOptions> options, TimeProvider clock)
{
    // "OneDKeys" in ASCII: the advisory lock nodes take on a PostgreSQL store to make the first key.
    private const long PostgresKeyLock = 0x4F6E65444B657973;
    // A SQLite store has one process (the data folder's lock); this covers the hosts a test starts in one process.
    private static readonly SemaphoreSlim SqliteKeyLock = new(1, 1);

    /// <summary>Makes a key when the ring has none in use now and for the next days; returns whether it did.</summary>
    public async Task<bool> EnsureKeyAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        if (!db.Database.IsNpgsql())
        {
            await SqliteKeyLock.WaitAsync(ct);
            try
            {
                return EnsureKey();
            }
            finally
            {
                SqliteKeyLock.Release();
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresKeyLock})", ct);
        var created = EnsureKey();
        await transaction.CommitAsync(ct);
        return created;
    }

    private bool EnsureKey()
    {
        var now = clock.GetUtcNow();
        // Data protection makes a successor itself two days before a key expires; a key past that is left to it.
        var usable = keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2));
        if (usable)
        {
            return false;
        }
        keys.CreateNewKey(now, now + options.Value.NewKeyLifetime);
        return true;
    }
}
