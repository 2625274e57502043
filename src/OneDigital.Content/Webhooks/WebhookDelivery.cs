namespace OneDigital.Content.Webhooks;

/// <summary>
/// One event for one endpoint: an outbox row written in the content change's transaction, then claimed, sent and
/// retried by the dispatcher until it is delivered or has failed for good.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>Sent as <c>X-OneDigital-Delivery</c>: unique, so a receiver can ignore a delivery it has seen.</summary>
    public string Id { get; set; } = "";

    public int EndpointId { get; set; }

    public WebhookEndpoint? Endpoint { get; set; }

    /// <summary><c>published</c>, <c>unpublished</c> or <c>removed</c>.</summary>
    public string Event { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    /// <summary>The JSON body, fixed when the change was made so every attempt sends the same bytes.</summary>
    public string Payload { get; set; } = "";

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the delivery is due; a failed attempt moves it later.</summary>
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>Set by the node that claimed the delivery; a concurrency token, so a node whose claim lapsed cannot record a result.</summary>
    public string? ClaimToken { get; set; }

    /// <summary>Until when the claim holds; after it (the node died mid-send) any node may claim the delivery again.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}

/// <summary>One POST of a delivery: what the receiver answered, or why there was no answer.</summary>
public sealed class WebhookDeliveryAttempt
{
    public long Id { get; set; }

    public string DeliveryId { get; set; } = "";

    public WebhookDelivery? Delivery { get; set; }

    /// <summary>1 for the first attempt.</summary>
    public int Number { get; set; }

    public DateTime StartedUtc { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public int DurationMs { get; set; }

    public bool Succeeded { get; set; }
}
