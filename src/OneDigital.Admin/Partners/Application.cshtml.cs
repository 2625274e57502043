// Why: one application's page: what its tokens may do (name and roles, editable), when it last got one, a new secret
// (which ends every token issued under the old one) and the way to revoke it.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Partners;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Partners;

public sealed class ApplicationModel(OpenIdApplications applications, RoleService roles, StoreTransaction transaction, AuditTrail audit) : AdminPage
{
    public OpenIdApplicationSummary Application { get; private set; } = null!;

    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "registered")] public bool Registered { get; set; }
    [BindProperty(SupportsGet = true, Name = "saved")] public bool Saved { get; set; }

    /// <summary>The secret just made (registration or rotation), from TempData: shown on this response only.</summary>
    public string? NewSecret { get; private set; }

    public CheckboxesField RolesField { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string clientId)
    {
        if (await DemandAsync(Permissions.ManageApplications) is { } refused) return refused;
        if (await applications.FindAsync(clientId, HttpContext.RequestAborted) is not { } found) return NotFound();
        Application = found;
        DisplayName = found.DisplayName;
        NewSecret = TempData[RegisterModel.SecretKey] as string;
        RolesField = await PartnerForm.RolesFieldAsync(roles, found.Roles, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Saves the name and roles; the secret is kept.</summary>
    public async Task<IActionResult> OnPostAsync(string clientId)
    {
        if (await DemandAsync(Permissions.ManageApplications) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        if (await applications.FindAsync(clientId, ct) is not { } found) return NotFound();
        Application = found;
        if (Roles.Count == 0) ModelState.AddModelError(nameof(Roles), "Choose at least one role");
        if (ModelState.IsValid)
        {
            try
            {
                await transaction.RunAsync(async () =>
                {
                    await applications.SaveAsync(new OpenIdApplicationRegistration(found.ClientId, DisplayName, found.Type, null, found.AllowClientCredentialsFlow, Roles), ct);
                    await audit.RecordAsync(PartnerForm.AuditEntry(AuditKind.PartnerChanged, found.ClientId, Changes(found, DisplayName, Roles)), ct);
                }, ct);
                return Redirect(PartnersModel.DetailsPath(found.ClientId) + "?saved=true");
            }
            catch (OpenIdApplicationException ex)
            {
                ModelState.AddModelError(ex.Property == "RoleEntries" ? nameof(Roles) : "", ex.Message);
            }
        }
        RolesField = await PartnerForm.RolesFieldAsync(roles, Roles, ct);
        return Page();
    }

    /// <summary>A new secret, shown once after the redirect; the old one and its tokens stop working at once.</summary>
    public async Task<IActionResult> OnPostRotateAsync(string clientId)
    {
        if (await DemandAsync(Permissions.ManageApplications) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var secret = await transaction.RunAsync(async () =>
        {
            var rotated = await applications.RotateSecretAsync(clientId, ct);
            if (rotated is not null)
            {
                await audit.RecordAsync(PartnerForm.AuditEntry(AuditKind.PartnerSecretRotated, clientId.Trim(), "the old secret and its tokens no longer work"), ct);
            }
            return rotated;
        }, ct);
        if (secret is null) return NotFound();
        TempData[RegisterModel.SecretKey] = secret;
        return Redirect(PartnersModel.DetailsPath(clientId.Trim()));
    }

    private static string Changes(OpenIdApplicationSummary before, string? displayName, IReadOnlyList<string> roles)
    {
        var changes = new List<string>();
        if ((before.DisplayName ?? "") != (displayName?.Trim() ?? "")) changes.Add($"name '{before.DisplayName}' → '{displayName?.Trim()}'");
        var added = roles.Except(before.Roles, StringComparer.OrdinalIgnoreCase).ToList();
        var removed = before.Roles.Except(roles, StringComparer.OrdinalIgnoreCase).ToList();
        if (added.Count > 0) changes.Add($"roles added: {string.Join(", ", added)}");
        if (removed.Count > 0) changes.Add($"roles removed: {string.Join(", ", removed)}");
        return changes.Count == 0 ? "nothing changed" : string.Join("; ", changes);
    }
}
