using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Webhooks;

/// <summary>What the recipe step and the CLI ask to register; <see cref="WebhookEndpoints.SaveAsync"/> checks it.</summary>
public sealed class WebhookRegistration
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public string Secret { get; set; } = "";
    public WebhookEvents Events { get; set; } = WebhookEvents.All;
    public List<string> ContentTypes { get; set; } = [];
    public bool Enabled { get; set; } = true;
}

/// <summary>A registration that cannot be stored; <see cref="Field"/> names the offending property.</summary>
public sealed class WebhookValidationException(string field, string message) : InvalidOperationException(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// The registered endpoints: add or replace by name, list, remove. The outbox reads them once per scope. Each change
/// is one SaveChanges, atomic alone or inside the caller's transaction (StoreTransaction would be a dependency cycle:
/// it depends on every IScopedCache, this one included).
/// </summary>
public sealed class WebhookEndpoints(ContentDbContext db, WebhookCommitSignal signal, TimeProvider clock) : IScopedCache
{
    /// <summary>The event of a test delivery the admin sends: no content changed.</summary>
    public const string PingEvent = "ping";

    private List<WebhookEndpoint>? _enabled;

    /// <summary>A signing secret for the admin to show once: 32 random bytes, base64url (43 characters).</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public Task<WebhookEndpoint?> FindAsync(int id, CancellationToken ct = default) =>
        db.Set<WebhookEndpoint>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>Turns the endpoint's deliveries on or off; false when there is no such endpoint.</summary>
    public async Task<bool> SetEnabledAsync(int id, bool enabled, CancellationToken ct = default)
    {
        var changed = await db.Set<WebhookEndpoint>().Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Enabled, enabled).SetProperty(e => e.ModifiedUtc, clock.GetUtcNow().UtcDateTime), ct);
        _enabled = null;
        return changed > 0;
    }

    /// <summary>The endpoint's latest deliveries, newest first: what was sent, how it went, when it is tried again.</summary>
    public Task<List<WebhookDeliveryRecord>> DeliveriesAsync(int endpointId, int count, CancellationToken ct = default) =>
        db.Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.CreatedUtc).ThenByDescending(d => d.Id)
            .Take(count)
            .Select(d => new WebhookDeliveryRecord(d.Id, d.Event, d.ContentItemId, d.CreatedUtc, d.Status, d.Attempts,
                d.LastStatusCode, d.LastError, d.Status == WebhookDeliveryStatus.Pending ? (DateTime?)d.NextAttemptUtc : null, d.CompletedUtc))
            .ToListAsync(ct);

    /// <summary>
    /// Sends a delivery's body again as a new delivery (its own id, attempts and log), due now; the original keeps its
    /// history. Returns the new delivery's id, or null when the endpoint has no such delivery.
    /// </summary>
    public async Task<string?> RedeliverAsync(int endpointId, string deliveryId, CancellationToken ct = default)
    {
        var original = await db.Set<WebhookDelivery>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, ct);
        return original is null ? null : await EnqueueAsync(endpointId, original.Event, original.ContentItemId, original.Payload, ct);
    }

    /// <summary>Queues a <c>ping</c> delivery to the endpoint, which the dispatcher sends like any other. Null when there is no such endpoint.</summary>
    public async Task<string?> PingAsync(int endpointId, CancellationToken ct = default)
    {
        if (await FindAsync(endpointId, ct) is not { } endpoint)
        {
            return null;
        }
        var payload = new JsonObject
        {
            ["event"] = PingEvent,
            ["endpoint"] = endpoint.Name,
            ["occurredUtc"] = clock.GetUtcNow().UtcDateTime,
        }.ToJsonString(ContentJson.Compact);
        return await EnqueueAsync(endpoint.Id, PingEvent, "", payload, ct);
    }

    private async Task<string> EnqueueAsync(int endpointId, string change, string contentItemId, string payload, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var delivery = new WebhookDelivery
        {
            Id = IdGenerator.NewId(),
            EndpointId = endpointId,
            Event = change,
            ContentItemId = contentItemId,
            Payload = payload,
            Status = WebhookDeliveryStatus.Pending,
            CreatedUtc = now,
            NextAttemptUtc = now,
        };
        db.Add(delivery);
        await db.SaveChangesAsync(ct);
        signal.MarkPending(db);
        return delivery.Id;
    }

    public Task<List<WebhookEndpoint>> ListAsync(CancellationToken ct = default) =>
        db.Set<WebhookEndpoint>().AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);

    public Task<WebhookEndpoint?> FindAsync(string name, CancellationToken ct = default) =>
        db.Set<WebhookEndpoint>().AsNoTracking().FirstOrDefaultAsync(e => e.Name == name, ct);

    /// <summary>The enabled endpoints, read once per scope (an import publishing thousands of items asks once).</summary>
    internal async Task<List<WebhookEndpoint>> EnabledAsync(CancellationToken ct = default) =>
        _enabled ??= await db.Set<WebhookEndpoint>().AsNoTracking().Where(e => e.Enabled).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>Adds the endpoint, or replaces the one with the same name. Returns true when it was new.</summary>
    /// <exception cref="WebhookValidationException">A property is missing or wrong.</exception>
    public async Task<bool> SaveAsync(WebhookRegistration registration, CancellationToken ct = default)
    {
        Validate(registration);
        var name = registration.Name.Trim();
        var endpoint = await db.Set<WebhookEndpoint>().FirstOrDefaultAsync(e => e.Name == name, ct);
        var added = endpoint is null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (endpoint is null)
        {
            endpoint = new WebhookEndpoint { CreatedUtc = now };
            db.Add(endpoint);
        }
        endpoint.Name = name;
        endpoint.Url = registration.Url.Trim();
        endpoint.Secret = registration.Secret;
        endpoint.Events = registration.Events;
        endpoint.ContentTypes = registration.ContentTypes.Count == 0 ? null : string.Join(',', registration.ContentTypes.Select(t => t.Trim()));
        endpoint.Enabled = registration.Enabled;
        endpoint.ModifiedUtc = now;
        await db.SaveChangesAsync(ct);
        _enabled = null;
        return added;
    }

    /// <summary>Removes the endpoint with its deliveries and their log. Returns false when no endpoint has the name.</summary>
    public async Task<bool> RemoveAsync(string name, CancellationToken ct = default)
    {
        var endpoint = await db.Set<WebhookEndpoint>().FirstOrDefaultAsync(e => e.Name == name.Trim(), ct);
        if (endpoint is null) return false;
        db.Remove(endpoint);
        await db.SaveChangesAsync(ct);
        _enabled = null;
        return true;
    }

    /// <summary>The latest attempts, newest first, of one endpoint or of all.</summary>
    public async Task<List<WebhookLogEntry>> RecentAttemptsAsync(string? name, int count, CancellationToken ct = default)
    {
        var attempts = db.Set<WebhookDeliveryAttempt>().AsNoTracking();
        if (name is not null)
        {
            attempts = attempts.Where(a => a.Delivery!.Endpoint!.Name == name);
        }
        return await attempts
            .OrderByDescending(a => a.StartedUtc).ThenByDescending(a => a.Id)
            .Take(count)
            .Select(a => new WebhookLogEntry(a.Delivery!.Endpoint!.Name, a.DeliveryId, a.Delivery.Event, a.Delivery.ContentItemId,
                a.Number, a.StartedUtc, a.StatusCode, a.Error, a.DurationMs, a.Succeeded, a.Delivery.Status))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Endpoints whose deliveries are going wrong: failed for good since <paramref name="sinceUtc"/>, or still being
    /// retried after a failed attempt; with the counts and the last answer or error, worst first.
    /// </summary>
    public async Task<List<FailingWebhook>> FailingAsync(DateTime sinceUtc, CancellationToken ct = default)
    {
        var troubled = db.Set<WebhookDelivery>().AsNoTracking().Where(d =>
            d.Status == WebhookDeliveryStatus.Failed && d.CreatedUtc >= sinceUtc
            || d.Status == WebhookDeliveryStatus.Pending && d.Attempts > 0);
        var counts = await troubled.GroupBy(d => d.EndpointId)
            .Select(g => new
            {
                EndpointId = g.Key,
                Failed = g.Count(d => d.Status == WebhookDeliveryStatus.Failed),
                Retrying = g.Count(d => d.Status == WebhookDeliveryStatus.Pending),
                LastId = g.OrderByDescending(d => d.CreatedUtc).Select(d => d.Id).First(),
            })
            .ToListAsync(ct);
        if (counts.Count == 0) return [];
        var lastIds = counts.Select(c => c.LastId).ToList();
        var last = await db.Set<WebhookDelivery>().AsNoTracking().Where(d => lastIds.Contains(d.Id))
            .Select(d => new { d.Id, d.LastStatusCode, d.LastError, d.CreatedUtc, Name = d.Endpoint!.Name, d.Endpoint.Url })
            .ToDictionaryAsync(d => d.Id, ct);
        return [.. counts.Select(c => (c, l: last[c.LastId]))
            .Select(x => new FailingWebhook(x.l.Name, x.l.Url, x.c.Failed, x.c.Retrying, x.l.LastStatusCode, x.l.LastError, x.l.CreatedUtc))
            .OrderByDescending(f => f.Failed + f.Retrying).ThenBy(f => f.Endpoint, StringComparer.Ordinal)];
    }

    public void Reset() => _enabled = null;

    public static void Validate(WebhookRegistration registration)
    {
        if (string.IsNullOrWhiteSpace(registration.Name))
            throw new WebhookValidationException("Name", "The webhook needs a name.");
        if (registration.Name.Trim().Length > 255)
            throw new WebhookValidationException("Name", "The webhook's name is longer than 255 characters.");
        if (!Uri.TryCreate(registration.Url?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new WebhookValidationException("Url", $"'{registration.Url}' is not an absolute http or https URL.");
        if (registration.Url.Length > 2048)
            throw new WebhookValidationException("Url", "The URL is longer than 2048 characters.");
        if (string.IsNullOrEmpty(registration.Secret))
            throw new WebhookValidationException("Secret", "The webhook needs a secret to sign its requests.");
        if (registration.Events == WebhookEvents.None)
            throw new WebhookValidationException("Events", "The webhook must subscribe to at least one of published, unpublished, removed.");
        for (var i = 0; i < registration.ContentTypes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(registration.ContentTypes[i]) || registration.ContentTypes[i].Contains(','))
                throw new WebhookValidationException($"ContentTypes[{i}]", $"'{registration.ContentTypes[i]}' is not a content type name.");
        }
    }
}

/// <summary>An endpoint with deliveries failed for good or being retried, and its latest such delivery's answer.</summary>
public sealed record FailingWebhook(string Endpoint, string Url, int Failed, int Retrying, int? LastStatusCode, string? LastError, DateTime LastCreatedUtc);
/// <summary>One delivery as the admin's log shows it; <see cref="NextAttemptUtc"/> is set while it is pending.</summary>
public sealed record WebhookDeliveryRecord(
    string Id, string Event, string ContentItemId, DateTime CreatedUtc, WebhookDeliveryStatus Status, int Attempts,
    int? LastStatusCode, string? LastError, DateTime? NextAttemptUtc, DateTime? CompletedUtc);

public sealed record WebhookLogEntry(
    string Endpoint, string DeliveryId, string Event, string ContentItemId, int Attempt, DateTime StartedUtc,
    int? StatusCode, string? Error, int DurationMs, bool Succeeded, WebhookDeliveryStatus DeliveryStatus);
