// Why: revoking cannot be undone (the partner needs a new registration and secret), so it is a confirmation and a POST.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Partners;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Partners;

public sealed class RevokeModel(OpenIdApplications applications) : AdminPage
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
        await applications.RemoveAsync(clientId, HttpContext.RequestAborted);
        return Redirect($"{PartnersModel.Path}?revoked={Uri.EscapeDataString(clientId.Trim())}");
    }
}
