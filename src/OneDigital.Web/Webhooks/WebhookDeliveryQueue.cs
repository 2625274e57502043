using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Content.Webhooks;

namespace OneDigital.Web.Webhooks;

/// <summary>A delivery this node has claimed, with what sending it needs.</summary>
public sealed record ClaimedDelivery(string Id, string ClaimToken, int EndpointId, string Url, string Secret, string Event, string Payload, int Attempts);

/// <summary>
/// The deliveries table as a queue shared by every node. A claim is one UPDATE whose WHERE repeats the "pending, due
/// and not claimed (or the claim lapsed)" test: PostgreSQL re-checks that condition on the row it locked once a
/// concurrent claimer commits, and SQLite runs writers one at a time, so two nodes never both claim a delivery.
/// The claim token is a concurrency token: a node whose claim lapsed (it stalled past the claim's duration) cannot
/// record a result over the node that claimed the delivery after it.
/// </summary>
public sealed class WebhookDeliveryQueue(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDeliveryQueue> logger)
{
    private readonly WebhookOptions _options = options.Value;

    /// <summary>Claims up to <paramref name="room"/>(endpoint) due deliveries per endpoint, oldest first.</summary>
    public async Task<List<ClaimedDelivery>> ClaimDueAsync(Func<int, int> room, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = Due(db, now);
        var endpointIds = await db.Set<WebhookEndpoint>().AsNoTracking()
            .Where(e => e.Enabled && due.Any(d => d.EndpointId == e.Id))
            .Select(e => e.Id)
            .ToListAsync(ct);
        // Per endpoint, so one receiver's backlog never hides another's deliveries.
        var ids = new List<string>();
        foreach (var endpointId in endpointIds)
        {
            var take = room(endpointId);
            if (take <= 0) continue;
            ids.AddRange(await due.Where(d => d.EndpointId == endpointId)
                .OrderBy(d => d.NextAttemptUtc).ThenBy(d => d.CreatedUtc)
                .Select(d => d.Id).Take(take).ToListAsync(ct));
        }
        if (ids.Count == 0)
        {
            return [];
        }
        var token = IdGenerator.NewId();
        var until = now + _options.ClaimDuration;
        await Due(db, now).Where(d => ids.Contains(d.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedUntilUtc, until), ct);
        return await db.Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.ClaimToken == token)
            .OrderBy(d => d.NextAttemptUtc).ThenBy(d => d.CreatedUtc)
            .Select(d => new ClaimedDelivery(d.Id, token, d.EndpointId, d.Endpoint!.Url, d.Endpoint.Secret, d.Event, d.Payload, d.Attempts))
            .ToListAsync(ct);
    }

    /// <summary>Logs the attempt and moves the delivery on: delivered, due again after a backoff, or failed for good.</summary>
    public async Task RecordAsync(ClaimedDelivery claimed, WebhookAttemptResult result, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var delivery = await db.Set<WebhookDelivery>().FirstOrDefaultAsync(d => d.Id == claimed.Id && d.ClaimToken == claimed.ClaimToken, ct);
        if (delivery is null)
        {
            logger.LogWarning("Webhook delivery {DeliveryId}: the claim lapsed before the result was recorded; another node owns it now.", claimed.Id);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        delivery.LastStatusCode = result.StatusCode;
        delivery.LastError = Truncate(result.Error);
        delivery.ClaimToken = null;
        delivery.ClaimedUntilUtc = null;
        if (result.Succeeded)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
            delivery.CompletedUtc = now;
        }
        else if (delivery.Attempts >= _options.MaxAttempts)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            delivery.CompletedUtc = now;
        }
        else
        {
            delivery.NextAttemptUtc = now + _options.RetryDelay(delivery.Attempts);
        }
        db.Add(new WebhookDeliveryAttempt
        {
            DeliveryId = delivery.Id,
            Number = delivery.Attempts,
            StartedUtc = result.StartedUtc,
            StatusCode = result.StatusCode,
            Error = Truncate(result.Error),
            DurationMs = (int)Math.Min(int.MaxValue, result.Duration.TotalMilliseconds),
            Succeeded = result.Succeeded,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Webhook delivery {DeliveryId}: claimed by another node while this one was sending; its result is dropped.", claimed.Id);
        }
    }

    /// <summary>Gives a claim back untouched (the host is stopping mid-send), so another node need not wait for it to lapse.</summary>
    public async Task ReleaseAsync(ClaimedDelivery claimed)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        await db.Set<WebhookDelivery>().Where(d => d.Id == claimed.Id && d.ClaimToken == claimed.ClaimToken)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimToken, (string?)null).SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null));
    }

    private static IQueryable<WebhookDelivery> Due(ContentDbContext db, DateTime now) =>
        db.Set<WebhookDelivery>().Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptUtc <= now
            && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now));

    private static string? Truncate(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
