// Why: erasure cannot be undone, so it is a confirmation page and a POST; the subscriber is named by id in the URL and
// erased by the address the store holds, so the page never takes an address from the request.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Bulletin;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Subscribers;

public sealed class EraseModel(BulletinSubscribers subscribers) : AdminPage
{
    public BulletinSubscriberRecord Subscriber { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageBulletinSubscribers) is { } refused) return refused;
        if (await subscribers.FindAsync(id, HttpContext.RequestAborted) is not { } found) return NotFound();
        Subscriber = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageBulletinSubscribers) is { } refused) return refused;
        // Already gone (a second click, another editor): the outcome asked for holds.
        if (await subscribers.FindAsync(id, HttpContext.RequestAborted) is { } found)
        {
            await subscribers.EraseAsync(found.Email, HttpContext.RequestAborted);
        }
        return Redirect($"{SubscribersModel.Path}?erased=true");
    }
}
