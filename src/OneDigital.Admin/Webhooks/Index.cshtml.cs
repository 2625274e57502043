// Why: every endpoint at a glance: where it posts, what it wants, whether it is on.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Security;
using OneDigital.Content.Webhooks;

namespace OneDigital.Admin.Webhooks;

public sealed class WebhooksModel(WebhookEndpoints endpoints) : AdminPage
{
    public const string Path = AdminServices.PathPrefix + "/webhooks";

    [BindProperty(SupportsGet = true, Name = "removed")] public string? Removed { get; set; }

    public IReadOnlyList<WebhookEndpoint> Endpoints { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageWebhooks) is { } refused) return refused;
        Endpoints = await endpoints.ListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public static string DetailsPath(int id) => $"{Path}/{id}";
}
