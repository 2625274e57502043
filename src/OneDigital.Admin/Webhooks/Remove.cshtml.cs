// Why: removing an endpoint deletes its delivery log too, so it is a confirmation and a POST.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Content.Webhooks;

namespace OneDigital.Admin.Webhooks;

public sealed class RemoveModel(WebhookEndpoints endpoints, StoreTransaction transaction, AuditTrail audit) : AdminPage
{
    public WebhookEndpoint Endpoint { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await DemandAsync(Permissions.ManageWebhooks) is { } refused) return refused;
        if (await endpoints.FindAsync(id, HttpContext.RequestAborted) is not { } found) return NotFound();
        Endpoint = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await DemandAsync(Permissions.ManageWebhooks) is { } refused) return refused;
        if (await endpoints.FindAsync(id, HttpContext.RequestAborted) is not { } found) return Redirect(WebhooksModel.Path);
        await transaction.RunAsync(async () =>
        {
            await endpoints.RemoveAsync(found.Name, HttpContext.RequestAborted);
            await audit.RecordAsync(WebhookAudit.Entry(AuditKind.WebhookRemoved, found.Name, found.Url), HttpContext.RequestAborted);
        }, HttpContext.RequestAborted);
        return Redirect($"{WebhooksModel.Path}?removed={Uri.EscapeDataString(found.Name)}");
    }
}
