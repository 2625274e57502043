// Why: the partner sites that may ask /connect/token for tokens, with what their tokens may do and when they last got
// one, so an administrator can see which applications are in use before changing or revoking them.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Partners;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Partners;

public sealed class PartnersModel(OpenIdApplications applications) : AdminPage
{
    public const string Path = AdminServices.PathPrefix + "/partners";

    /// <summary>Set after a revocation: the client id that was removed.</summary>
    [BindProperty(SupportsGet = true, Name = "revoked")] public string? Revoked { get; set; }

    public IReadOnlyList<OpenIdApplicationSummary> Applications { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageApplications) is { } refused) return refused;
        Applications = await applications.ListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public static string DetailsPath(string clientId) => $"{Path}/{Uri.EscapeDataString(clientId)}";
}
