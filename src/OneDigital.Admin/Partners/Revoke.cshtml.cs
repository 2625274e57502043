// Why: revoking cannot be undone (the partner needs a new registration and secret), so it is a confirmation and a POST.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Partners;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Partners;

public sealed class RevokeModel(OpenIdApplications applications, StoreTransaction transaction, AuditTrail audit) : AdminPage
{
    public OpenIdApplicationSummary Application { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string clientId)
    {
        if (await DemandAsync(Permissions.ManageApplications) is { } refused) return refused;
        if (await applications.FindAsync(clientId, HttpContext.RequestAborted) is not { } found) return NotFound();
        Application = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string clientId)
    {
        if (await DemandAsync(Permissions.ManageApplications) is { } refused) return refused;
        // Already gone (a second click, another administrator): the outcome asked for holds.
        var ct = HttpContext.RequestAborted;
        await transaction.RunAsync(async () =>
        {
            if (await applications.RemoveAsync(clientId, ct))
            {
                await audit.RecordAsync(PartnerForm.AuditEntry(AuditKind.PartnerRevoked, clientId.Trim(), "its secret and tokens no longer work"), ct);
            }
        }, ct);
        return Redirect($"{PartnersModel.Path}?revoked={Uri.EscapeDataString(clientId.Trim())}");
    }
}
