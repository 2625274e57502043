using OneDigital.Content.Audit;
using OneDigital.Content.Webhooks;

namespace OneDigital.Admin.Webhooks;

/// <summary>The audit rows of the webhook pages: a webhook decides where the site's content is sent, so each change
/// to one says who made it. Pings and redeliveries change nothing and are in the endpoint's own log.</summary>
public static class WebhookAudit
{
    public static AuditEntry Entry(AuditKind kind, string name, string? detail) =>
        new(kind) { DisplayText = $"Webhook {name}", Detail = detail };

    public static string Describe(WebhookRegistration registration) =>
        $"{registration.Url}; events: {registration.Events}"
        + (registration.ContentTypes.Count > 0 ? $"; types: {string.Join(", ", registration.ContentTypes)}" : "; all types");
}
