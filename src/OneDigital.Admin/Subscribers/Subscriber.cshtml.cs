// Why: everything held about one subscriber on one page (what they agreed to, in the words they saw, and when), with
// the two things a person may ask for: a copy of their data (JSON) and its erasure.
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Bulletin;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Subscribers;

public sealed class SubscriberModel(BulletinSubscribers subscribers) : AdminPage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public BulletinSubscriberRecord Subscriber { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageBulletinSubscribers) is { } refused) return refused;
        if (await subscribers.FindAsync(id, HttpContext.RequestAborted) is not { } found) return NotFound();
        Subscriber = found;
        return Page();
    }

    /// <summary>The subscriber's data as a JSON download (GET <c>?handler=export</c>).</summary>
    public async Task<IActionResult> OnGetExportAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageBulletinSubscribers) is { } refused) return refused;
        if (await subscribers.FindAsync(id, HttpContext.RequestAborted) is not { } found) return NotFound();
        return File(JsonSerializer.SerializeToUtf8Bytes(found, Json), "application/json", $"subscriber-{found.Id}.json");
    }
}
