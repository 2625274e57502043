using System.Collections.Frozen;
using System.Text.Json;
using OneDigital.Content.Partners;
using OneDigital.Content.Store;
using OpenIddict.Abstractions;

namespace OneDigital.Web.Auth;

// Access tokens are self-contained and live an hour, so removing an application or rotating its secret did nothing
// to the tokens it already held. Each application carries a stamp that changes with its secret; its tokens carry the
// stamp they were issued under; every API request compares the two. The comparison reads a process-wide table that
// is reloaded only when the applications stamp document's version moves (StoreVersions: at most one cheap read a
// second, at once after this node's own writes), so the check costs no store query per request.

/// <summary>Each application's current credential stamp, as every node sees it within a second of a change.</summary>
public sealed class CredentialStamps(StoreVersions versions, IServiceScopeFactory scopes)
{
    /// <summary>The application property, and the token claim, holding the stamp.</summary>
    public const string Property = OpenIdApplications.CredentialStampProperty;

    public const string Claim = "od_cred";

    /// <summary>The stamp of an application registered before stamps existed, until its secret next changes.</summary>
    private const string Unstamped = "0";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Table? _table;

    /// <summary>Whether the application still exists and its stamp is the one the token was issued under.</summary>
    public async ValueTask<bool> IsCurrentAsync(string clientId, string? stamp, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return false;
        }
        var version = (await versions.GetAsync(ct)).Of(OpenIdApplications.Stamp);
        var table = _table;
        if (table is null || table.Version != version)
        {
            table = await LoadAsync(version, ct);
        }
        return table.Stamps.TryGetValue(clientId, out var current) && string.Equals(current, stamp, StringComparison.Ordinal);
    }

    /// <summary>The stamp an application's new tokens carry.</summary>
    public static async ValueTask<string> StampOfAsync(IOpenIddictApplicationManager manager, object application, CancellationToken ct) =>
        (await manager.GetPropertiesAsync(application, ct)).TryGetValue(Property, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString() ?? Unstamped
            : Unstamped;

    private async Task<Table> LoadAsync(int version, CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            if (_table is { } loaded && loaded.Version == version)
            {
                return loaded;
            }
            await using var scope = scopes.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var stamps = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var application in manager.ListAsync(count: null, offset: null, ct))
            {
                if (await manager.GetClientIdAsync(application, ct) is { } clientId)
                {
                    stamps[clientId] = await StampOfAsync(manager, application, ct);
                }
            }
            // Read after the version: a write in between leaves a newer version, and the next request loads again.
            var table = new Table(version, stamps.ToFrozenDictionary(StringComparer.Ordinal));
            _table = table;
            return table;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Table(int Version, FrozenDictionary<string, string> Stamps);
}
