using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Webhooks;

/// <summary>
/// Writes one delivery per interested endpoint when an item is published, unpublished or removed. It runs inside the
/// change's transaction, so a change that rolls back sends nothing, and publishing never waits on a receiver.
/// </summary>
public sealed class WebhookOutbox(ContentDbContext db, WebhookEndpoints endpoints, WebhookCommitSignal signal, TimeProvider clock)
    : IContentEventHandler
{
    public Task PublishedAsync(ContentItem item) => EnqueueAsync(WebhookEvents.Published, item);

    public Task UnpublishedAsync(ContentItem item) => EnqueueAsync(WebhookEvents.Unpublished, item);

    public Task RemovedAsync(ContentItem item) => EnqueueAsync(WebhookEvents.Removed, item);

    private async Task EnqueueAsync(WebhookEvents change, ContentItem item)
    {
        var interested = (await endpoints.EnabledAsync()).Where(e => e.Wants(change, item.ContentType)).ToList();
        if (interested.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var payload = Payload(change, item, now);
        foreach (var endpoint in interested)
        {
            db.Add(new WebhookDelivery
            {
                Id = IdGenerator.NewId(),
                EndpointId = endpoint.Id,
                Event = WebhookEventNames.Name(change),
                ContentItemId = item.ContentItemId,
                Payload = payload,
                Status = WebhookDeliveryStatus.Pending,
                CreatedUtc = now,
                NextAttemptUtc = now,
            });
        }
        await db.SaveChangesAsync();
        signal.MarkPending(db);
    }

    /// <summary>The body every endpoint receives for this change.</summary>
    public static string Payload(WebhookEvents change, ContentItem item, DateTime occurredUtc) =>
        new JsonObject
        {
            ["event"] = WebhookEventNames.Name(change),
            ["contentItemId"] = item.ContentItemId,
            ["contentItemVersionId"] = item.ContentItemVersionId,
            ["contentType"] = item.ContentType,
            ["path"] = JsonValues.NonEmptyString(item.Part("AutoroutePart")?["Path"]) is { Length: > 0 } path ? path : null,
            ["displayText"] = item.DisplayText,
            ["occurredUtc"] = occurredUtc,
        }.ToJsonString(ContentJson.Compact);
}
