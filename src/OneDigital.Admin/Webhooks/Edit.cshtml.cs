// Why: an endpoint's address, events and types change in place; its name, secret and deliveries stay.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Content.Webhooks;

namespace OneDigital.Admin.Webhooks;

public sealed class EditModel(WebhookEndpoints endpoints, ContentDefinitionStore definitions, StoreTransaction transaction, AuditTrail audit) : AdminPage
{
    public WebhookEndpoint Endpoint { get; private set; } = null!;

    [BindProperty(Name = "Url")] public string? Address { get; set; }
    [BindProperty] public List<string> Events { get; set; } = [];
    [BindProperty] public List<string> ContentTypes { get; set; } = [];

    public WebhookFormInput Input => new() { Url = Address, Events = Events, ContentTypes = ContentTypes };

    public CheckboxesField ContentTypesField { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await DemandAsync(Permissions.ManageWebhooks) is { } refused) return refused;
        if (await endpoints.FindAsync(id, HttpContext.RequestAborted) is not { } found) return NotFound();
        Endpoint = found;
        var stored = WebhookFormInput.Of(found);
        (Address, Events, ContentTypes) = (stored.Url, stored.Events, stored.ContentTypes);
        ContentTypesField = await Input.ContentTypesFieldAsync(definitions, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await DemandAsync(Permissions.ManageWebhooks) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        if (await endpoints.FindAsync(id, ct) is not { } found) return NotFound();
        Endpoint = found;
        var input = Input;
        input.Enabled = found.Enabled;
        if (input.ToRegistration(found.Name, found.Secret, await WebhookFormInput.KnownTypesAsync(definitions, ct), ModelState) is { } registration)
        {
            await transaction.RunAsync(async () =>
            {
                await endpoints.SaveAsync(registration, ct);
                await audit.RecordAsync(WebhookAudit.Entry(AuditKind.WebhookChanged, found.Name, WebhookAudit.Describe(registration)), ct);
            }, ct);
            return Redirect(WebhooksModel.DetailsPath(id) + "?saved=true");
        }
        ContentTypesField = await Input.ContentTypesFieldAsync(definitions, ct);
        return Page();
    }
}
