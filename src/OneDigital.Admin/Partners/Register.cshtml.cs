// Why: a new partner gets a generated secret, strong by construction, shown once on the application's page after
// the redirect (TempData, read once); it is stored hashed and can never be shown again, only replaced.
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Partners;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Partners;

public sealed partial class RegisterModel(OpenIdApplications applications, RoleService roles, StoreTransaction transaction, AuditTrail audit) : AdminPage
{
    /// <summary>The TempData key holding a secret to show once.</summary>
    public const string SecretKey = "PartnerSecret";

    [BindProperty] public string? ClientId { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];

    public CheckboxesField RolesField { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageApplications) is { } refused) return refused;
        RolesField = await PartnerForm.RolesFieldAsync(roles, Roles, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(Permissions.ManageApplications) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var clientId = ClientId?.Trim() ?? "";
        if (clientId.Length == 0) ModelState.AddModelError(nameof(ClientId), "Enter a client id");
        else if (!ClientIdPattern().IsMatch(clientId))
            ModelState.AddModelError(nameof(ClientId), "A client id can only have letters, numbers, dots, hyphens and underscores, up to 100 characters");
        else if (await applications.FindAsync(clientId, ct) is not null)
            ModelState.AddModelError(nameof(ClientId), $"An application with the client id ‘{clientId}’ is already registered");
        if (Roles.Count == 0) ModelState.AddModelError(nameof(Roles), "Choose at least one role");
        if (ModelState.IsValid)
        {
            var secret = OpenIdApplications.NewClientSecret();
            try
            {
                await transaction.RunAsync(async () =>
                {
                    await applications.SaveAsync(new OpenIdApplicationRegistration(clientId, DisplayName, "Confidential", secret, AllowClientCredentialsFlow: true, Roles), ct);
                    await audit.RecordAsync(PartnerForm.AuditEntry(AuditKind.PartnerRegistered, clientId, $"roles: {string.Join(", ", Roles)}"), ct);
                }, ct);
                TempData[SecretKey] = secret;
                return Redirect(PartnersModel.DetailsPath(clientId) + "?registered=true");
            }
            catch (OpenIdApplicationException ex)
            {
                ModelState.AddModelError(ex.Property == "RoleEntries" ? nameof(Roles) : nameof(ClientId), ex.Message);
            }
        }
        RolesField = await PartnerForm.RolesFieldAsync(roles, Roles, ct);
        return Page();
    }

    public TextInputField ClientIdField() => new(nameof(ClientId), "Client id")
    {
        Value = ClientId,
        Hint = "What the partner sends as client_id, for example partner-site. Letters, numbers, dots, hyphens and underscores.",
        Spellcheck = false,
        Autocomplete = "off",
        WidthClass = "govuk-input--width-20",
    };

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex ClientIdPattern();
}
