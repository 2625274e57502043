// Why: one endpoint's page: its settings, its latest deliveries with what the receiver answered, and the actions an
// administrator takes when a partner reports a problem (send a test ping, send one delivery again, turn it off, give
// it a new secret). Each action is a POST that redirects back here with a message, so a refresh repeats nothing.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Content.Webhooks;

namespace OneDigital.Admin.Webhooks;

public sealed class EndpointModel(WebhookEndpoints endpoints, StoreTransaction transaction, AuditTrail audit) : AdminPage
{
    public const int LogSize = 50;

    public WebhookEndpoint Endpoint { get; private set; } = null!;

    public IReadOnlyList<WebhookDeliveryRecord> Deliveries { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "added")] public bool Added { get; set; }

    /// <summary>What the last action did, to say so (set by the redirect after it).</summary>
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    [BindProperty(SupportsGet = true, Name = "saved")] public bool Saved { get; set; }

    public string? NewSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await DemandAsync(Permissions.ManageWebhooks) is { } refused) return refused;
        if (await endpoints.FindAsync(id, HttpContext.RequestAborted) is not { } found) return NotFound();
        Endpoint = found;
        Deliveries = await endpoints.DeliveriesAsync(id, LogSize, HttpContext.RequestAborted);
        NewSecret = TempData[NewModel.SecretKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(int id) => await ActAsync(id, e => SwitchAsync(e, true));

    public async Task<IActionResult> OnPostDisableAsync(int id) => await ActAsync(id, e => SwitchAsync(e, false));

    public async Task<IActionResult> OnPostPingAsync(int id) => await ActAsync(id, async e =>
        await endpoints.PingAsync(id, HttpContext.RequestAborted) is null ? null : "pinged");

    public async Task<IActionResult> OnPostRedeliverAsync(int id, string deliveryId) => await ActAsync(id, async e =>
        await endpoints.RedeliverAsync(id, deliveryId ?? "", HttpContext.RequestAborted) is null ? null : "redelivered");

    public async Task<IActionResult> OnPostRotateAsync(int id) => await ActAsync(id, async e =>
    {
        var secret = WebhookEndpoints.NewSecret();
        var registration = new WebhookRegistration
        {
            Name = e.Name, Url = e.Url, Secret = secret, Events = e.Events, ContentTypes = [.. e.ContentTypeList], Enabled = e.Enabled,
        };
        await transaction.RunAsync(async () =>
        {
            await endpoints.SaveAsync(registration, HttpContext.RequestAborted);
            await audit.RecordAsync(WebhookAudit.Entry(AuditKind.WebhookSecretRotated, e.Name, "the old secret no longer signs"), HttpContext.RequestAborted);
        }, HttpContext.RequestAborted);
        TempData[NewModel.SecretKey] = secret;
        return "rotated";
    });

    private Task<string?> SwitchAsync(WebhookEndpoint endpoint, bool enabled) => transaction.RunAsync(async () =>
    {
        if (!await endpoints.SetEnabledAsync(endpoint.Id, enabled, HttpContext.RequestAborted)) return null;
        if (endpoint.Enabled != enabled)
        {
            await audit.RecordAsync(WebhookAudit.Entry(enabled ? AuditKind.WebhookEnabled : AuditKind.WebhookDisabled, endpoint.Name, endpoint.Url), HttpContext.RequestAborted);
        }
        return enabled ? "enabled" : "disabled";
    }, HttpContext.RequestAborted);

    /// <summary>Runs an action on the endpoint and redirects back saying what was done; 404 when it or its target is gone.</summary>
    private async Task<IActionResult> ActAsync(int id, Func<WebhookEndpoint, Task<string?>> action)
    {
        if (await DemandAsync(Permissions.ManageWebhooks) is { } refused) return refused;
        if (await endpoints.FindAsync(id, HttpContext.RequestAborted) is not { } found) return NotFound();
        return await action(found) is { } done ? Redirect($"{WebhooksModel.DetailsPath(id)}?done={done}") : NotFound();
    }

    public string? DoneMessage => Done switch
    {
        "enabled" => "The webhook is on: changes send messages again.",
        "disabled" => "The webhook is off: changes send nothing and waiting deliveries wait until it is on.",
        "pinged" => "A test ping was queued. It is sent within seconds; refresh the page to see the answer.",
        "redelivered" => "The delivery was queued again as a new delivery. Refresh the page to see the answer.",
        "rotated" => null,
        _ => null,
    };

    public static string StatusText(WebhookDeliveryRecord d) => d.Status switch
    {
        WebhookDeliveryStatus.Delivered => "Delivered",
        WebhookDeliveryStatus.Failed => "Failed",
        _ => d.Attempts == 0 ? "Waiting" : "Retrying",
    };
}
