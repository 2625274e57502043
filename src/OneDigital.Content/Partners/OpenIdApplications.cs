using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using RoleService = OneDigital.Content.Security.RoleService;
using OneDigital.Content.Store;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneDigital.Content.Partners;

/// <summary>What registers a partner application: Orchard's <c>OpenIdApplication</c> step, <c>apps add</c> or the admin.</summary>
public sealed record OpenIdApplicationRegistration(
    string ClientId,
    string? DisplayName,
    string Type,
    string? ClientSecret,
    bool AllowClientCredentialsFlow,
    IReadOnlyList<string> Roles);

/// <summary>A registered application as listed: never its secret, which is stored hashed.</summary>
/// <param name="LastTokenUtc">When a token was last issued to it, to the minute (<see cref="OpenIdApplications.RecordTokenIssuedAsync"/>).</param>
public sealed record OpenIdApplicationSummary(
    string ClientId, string? DisplayName, string Type, bool AllowClientCredentialsFlow, IReadOnlyList<string> Roles, DateTime? LastTokenUtc);

/// <summary>
/// OpenID Connect applications (partner sites) in OpenIddict's tables. Each holds the names of the roles whose
/// permissions its tokens carry; OpenIddict hashes the client secret. The recipe step, the CLI and the admin share it;
/// the token endpoint (in the web host) reads the credential stamp and records when it issued a token.
/// </summary>
public sealed class OpenIdApplications(IOpenIddictApplicationManager manager, RoleService roles, StoreTransaction transaction, DocumentStore documents)
{
    /// <summary>The application property that holds its role names, as Orchard names it.</summary>
    private const string RolesProperty = "Roles";

    /// <summary>The document whose version moves whenever a partner application is added, changed or removed.</summary>
    public const string StampDocumentName = "OpenIdApplicationsStamp";

    /// <summary>Watched by <see cref="StoreVersions"/>, so every node's table of credential stamps reloads within a second.</summary>
    public static readonly WatchedDocument Stamp = new(StampDocumentName);

    /// <summary>The application property, changed with every new secret, that its tokens must still match.</summary>
    public const string CredentialStampProperty = "CredentialStamp";

    /// <summary>The application property holding when a token was last issued to it (ISO 8601, UTC).</summary>
    private const string LastTokenProperty = "LastTokenUtc";

    /// <summary>How stale the recorded last-token time may be: a busy partner costs at most one write per minute.</summary>
    public static readonly TimeSpan LastTokenPrecision = TimeSpan.FromMinutes(1);

    public static string NewCredentialStamp() => Guid.NewGuid().ToString("N");

    /// <summary>A client secret for the admin to show once: 32 random bytes, base64url (43 characters).</summary>
    public static string NewClientSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Creates or updates the application; returns true when it was created. Nothing is written when it fails.</summary>
    /// <exception cref="OpenIdApplicationException">The registration is incomplete or names a role that does not exist.</exception>
    public Task<bool> SaveAsync(OpenIdApplicationRegistration registration, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            var clientId = registration.ClientId.Trim();
            if (clientId.Length == 0)
            {
                throw new OpenIdApplicationException("ClientId", "The client id is empty.");
            }
            var type = registration.Type.Trim().ToLowerInvariant();
            if (type is not (ClientTypes.Confidential or ClientTypes.Public))
            {
                throw new OpenIdApplicationException("Type", $"The application type '{registration.Type}' is not known; use Confidential or Public.");
            }
            var roleNames = await CanonicalRolesAsync(registration.Roles);
            var application = await manager.FindByClientIdAsync(clientId, ct);
            var secret = string.IsNullOrEmpty(registration.ClientSecret) ? null : registration.ClientSecret;
            if (type == ClientTypes.Public && secret is not null)
            {
                throw new OpenIdApplicationException("ClientSecret", $"The public application '{clientId}' cannot have a client secret.");
            }
            if (type == ClientTypes.Confidential && secret is null && (application is null || await manager.HasClientTypeAsync(application, ClientTypes.Public, ct)))
            {
                throw new OpenIdApplicationException("ClientSecret", $"The confidential application '{clientId}' needs a client secret.");
            }
            if (secret is not null && ClientSecretRule.Weakness(secret) is { } weakness)
            {
                throw new OpenIdApplicationException("ClientSecret",
                    $"The client secret of '{clientId}' is too weak: {weakness}; a client secret needs {ClientSecretRule.Description}.");
            }
            // A new stamp when the secret changes: tokens issued under the old secret are refused from then on.
            var rotated = secret is not null && (application is null || !await manager.ValidateClientSecretAsync(application, secret, ct));

            var descriptor = new OpenIddictApplicationDescriptor();
            if (application is not null)
            {
                await manager.PopulateAsync(descriptor, application, ct);
            }
            descriptor.ClientId = clientId;
            descriptor.DisplayName = string.IsNullOrWhiteSpace(registration.DisplayName) ? descriptor.DisplayName ?? clientId : registration.DisplayName.Trim();
            descriptor.ClientType = type;
            // Kept when not given again: an update may leave the secret as it was.
            descriptor.ClientSecret = type == ClientTypes.Public ? null : secret ?? descriptor.ClientSecret;
            descriptor.Permissions.Clear();
            if (registration.AllowClientCredentialsFlow)
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Token);
                descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
            }
            descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(roleNames);
            if (rotated || !descriptor.Properties.ContainsKey(CredentialStampProperty))
            {
                descriptor.Properties[CredentialStampProperty] = JsonSerializer.SerializeToElement(NewCredentialStamp());
            }
            await documents.SaveAsync(StampDocumentName, new Dictionary<string, string>(), ct);

            if (application is null)
            {
                await manager.CreateAsync(descriptor, ct);
                return true;
            }
            await manager.UpdateAsync(application, descriptor, ct);
            return false;
        }, ct);

    /// <summary>Removes the application; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string clientId, CancellationToken ct = default)
    {
        var application = await manager.FindByClientIdAsync(clientId.Trim(), ct);
        if (application is null)
        {
            return false;
        }
        await transaction.RunAsync(async () =>
        {
            await manager.DeleteAsync(application, ct);
            await documents.SaveAsync(StampDocumentName, new Dictionary<string, string>(), ct);
        }, ct);
        return true;
    }

    public async Task<IReadOnlyList<OpenIdApplicationSummary>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<OpenIdApplicationSummary>();
        await foreach (var application in manager.ListAsync(count: null, offset: null, ct))
        {
            list.Add(await SummaryAsync(application, ct));
        }
        return list.OrderBy(a => a.ClientId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The application with this client id (exactly), or null.</summary>
    public async Task<OpenIdApplicationSummary?> FindAsync(string clientId, CancellationToken ct = default) =>
        await manager.FindByClientIdAsync(clientId.Trim(), ct) is { } application ? await SummaryAsync(application, ct) : null;

    /// <summary>
    /// Gives a confidential application a new generated secret and returns it; tokens issued under the old one are
    /// refused from then on. Null when there is no such application.
    /// </summary>
    public async Task<string?> RotateSecretAsync(string clientId, CancellationToken ct = default)
    {
        if (await FindAsync(clientId, ct) is not { } found)
        {
            return null;
        }
        var secret = NewClientSecret();
        await SaveAsync(new OpenIdApplicationRegistration(found.ClientId, found.DisplayName, ClientTypes.Confidential, secret,
            found.AllowClientCredentialsFlow, found.Roles), ct);
        return secret;
    }

    /// <summary>
    /// Notes that a token was just issued to the application, unless the time noted is within
    /// <see cref="LastTokenPrecision"/>: one UPDATE of the application's row at most once a minute, nothing otherwise.
    /// A concurrent change of the application (another node, an editor) wins; the next token notes the time.
    /// </summary>
    public async Task RecordTokenIssuedAsync(object application, DateTime nowUtc, CancellationToken ct = default)
    {
        var properties = await manager.GetPropertiesAsync(application, ct);
        if (LastToken(properties) is { } last && nowUtc - last < LastTokenPrecision)
        {
            return;
        }
        var descriptor = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(descriptor, application, ct);
        descriptor.Properties[LastTokenProperty] = JsonSerializer.SerializeToElement(nowUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await manager.UpdateAsync(application, descriptor, ct);
        }
        catch (OpenIddictExceptions.ConcurrencyException)
        {
        }
    }

    private async Task<OpenIdApplicationSummary> SummaryAsync(object application, CancellationToken ct) => new(
        await manager.GetClientIdAsync(application, ct) ?? "",
        await manager.GetDisplayNameAsync(application, ct),
        await manager.GetClientTypeAsync(application, ct) ?? "",
        await manager.HasPermissionAsync(application, Permissions.GrantTypes.ClientCredentials, ct),
        await RolesOfAsync(application, ct),
        LastToken(await manager.GetPropertiesAsync(application, ct)));

    private static DateTime? LastToken(IReadOnlyDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(LastTokenProperty, out var element) && element.ValueKind == JsonValueKind.String
        && DateTime.TryParse(element.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var value)
            ? value
            : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The role names an application's tokens carry.</summary>
    public async Task<IReadOnlyList<string>> RolesOfAsync(object application, CancellationToken ct = default)
    {
        var properties = await manager.GetPropertiesAsync(application, ct);
        return properties.TryGetValue(RolesProperty, out var element) && element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToImmutableArray()
            : [];
    }

    private async Task<List<string>> CanonicalRolesAsync(IEnumerable<string> names)
    {
        var canonical = new List<string>();
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            var role = await roles.FindAsync(name)
                ?? throw new OpenIdApplicationException("RoleEntries", $"The role '{name}' does not exist; create it first (the Roles recipe step).");
            if (!canonical.Contains(role.Name!, StringComparer.OrdinalIgnoreCase)) canonical.Add(role.Name!);
        }
        return canonical;
    }
}

/// <summary>A registration that cannot be made; the message says why, <see cref="Property"/> what. Nothing was written.</summary>
public sealed class OpenIdApplicationException(string property, string message) : InvalidOperationException(message)
{
    /// <summary>The registration's property at fault, named as in the recipe step (ClientId, Type, ClientSecret, RoleEntries).</summary>
    public string Property { get; } = property;
}
