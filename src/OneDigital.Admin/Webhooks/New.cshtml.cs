// Why: a new endpoint gets a generated signing secret, shown once on its page after the redirect; the receiver needs
// it to check each message's signature.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Content.Webhooks;

namespace OneDigital.Admin.Webhooks;

public sealed class NewModel(WebhookEndpoints endpoints, ContentDefinitionStore definitions, StoreTransaction transaction, AuditTrail audit) : AdminPage
{
    /// <summary>The TempData key holding a secret to show once.</summary>
    public const string SecretKey = "WebhookSecret";

    [BindProperty] public string? Name { get; set; }
    [BindProperty(Name = "Url")] public string? Address { get; set; }
    // Empty by default: a POST with no box ticked must bind nothing, not a default.
    [BindProperty] public List<string> Events { get; set; } = [];
    [BindProperty] public List<string> ContentTypes { get; set; } = [];

    public WebhookFormInput Input => new() { Name = Name, Url = Address, Events = Events, ContentTypes = ContentTypes };

    public CheckboxesField ContentTypesField { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageWebhooks) is { } refused) return refused;
        Events = [.. WebhookEventNames.Each.Select(WebhookEventNames.Name)];
        ContentTypesField = await Input.ContentTypesFieldAsync(definitions, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(Permissions.ManageWebhooks) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var name = Name?.Trim() ?? "";
        if (name.Length > 0 && await endpoints.FindAsync(name, ct) is not null)
        {
            ModelState.AddModelError(nameof(Name), $"A webhook named ‘{name}’ already exists");
        }
        var secret = WebhookEndpoints.NewSecret();
        if (Input.ToRegistration(name, secret, await WebhookFormInput.KnownTypesAsync(definitions, ct), ModelState) is { } registration)
        {
            await transaction.RunAsync(async () =>
            {
                await endpoints.SaveAsync(registration, ct);
                await audit.RecordAsync(WebhookAudit.Entry(AuditKind.WebhookAdded, name, WebhookAudit.Describe(registration)), ct);
            }, ct);
            var saved = await endpoints.FindAsync(name, ct);
            TempData[SecretKey] = secret;
            return Redirect(WebhooksModel.DetailsPath(saved!.Id) + "?added=true");
        }
        ContentTypesField = await Input.ContentTypesFieldAsync(definitions, ct);
        return Page();
    }

    public TextInputField NameField() => new(nameof(Name), "Name")
    {
        Value = Name,
        Hint = "How you and the command line name it, for example partner-site.",
        Spellcheck = false,
        Autocomplete = "off",
        WidthClass = "govuk-input--width-20",
    };
}
