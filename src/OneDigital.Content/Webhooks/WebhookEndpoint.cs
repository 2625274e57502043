namespace OneDigital.Content.Webhooks;

/// <summary>A partner site's receiver: where to POST, the secret that signs the body, and which changes it wants.</summary>
public sealed class WebhookEndpoint
{
    public int Id { get; set; }

    /// <summary>Unique (case matters); how recipes and the CLI name the endpoint.</summary>
    public string Name { get; set; } = "";

    /// <summary>An absolute http or https URL.</summary>
    public string Url { get; set; } = "";

    public string Secret { get; set; } = "";

    public WebhookEvents Events { get; set; } = WebhookEvents.All;

    /// <summary>Content type names joined by commas; null or empty means every type.</summary>
    public string? ContentTypes { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTime CreatedUtc { get; set; }

    public DateTime ModifiedUtc { get; set; }

    public IReadOnlyList<string> ContentTypeList =>
        string.IsNullOrEmpty(ContentTypes) ? [] : ContentTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(WebhookEvents change, string contentType) =>
        Enabled && (Events & change) != 0
        && (string.IsNullOrEmpty(ContentTypes) || ContentTypeList.Contains(contentType, StringComparer.OrdinalIgnoreCase));
}

[Flags]
public enum WebhookEvents
{
    None = 0,
    Published = 1,
    Unpublished = 2,
    Removed = 4,
    All = Published | Unpublished | Removed,
}

public static class WebhookEventNames
{
    public static readonly IReadOnlyList<WebhookEvents> Each = [WebhookEvents.Published, WebhookEvents.Unpublished, WebhookEvents.Removed];

    /// <summary>The lower-case name used in payloads, headers, recipes and the CLI: <c>published</c>.</summary>
    public static string Name(WebhookEvents change) => change.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out WebhookEvents change)
    {
        change = Each.FirstOrDefault(e => Name(e).Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        return change != WebhookEvents.None;
    }

    /// <summary><c>published, unpublished</c>: the names of the events a set holds.</summary>
    public static string Describe(WebhookEvents events) => string.Join(", ", Each.Where(e => (events & e) != 0).Select(Name));
}
