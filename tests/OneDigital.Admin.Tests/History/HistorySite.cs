// Why: the history pages' tests need an admin site whose clock they move (schedules come due, tokens expire) and
// items with a few versions; one place makes both, so each test states only what it proves.
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Tests.History;

public static partial class HistorySite
{
    /// <summary>A site whose <see cref="TimeProvider"/> is <paramref name="clock"/> (starting now), the scheduler's own polling out of the way.</summary>
    public static Task<AdminSite> StartAsync(FakeTimeProvider clock, params string[] settings) =>
        AdminSite.StartAsync(services => services.AddSingleton<TimeProvider>(clock), ["--OneDigital:Scheduling:PollInterval=01:00:00", .. settings]);

    public static FakeTimeProvider NewClock() => new(DateTimeOffset.UtcNow);

    /// <summary>A BlogPost published as "{title} one" by alice, then saved and published as "{title} two" by bob: three versions (the first published, the draft, its publication).</summary>
    public static async Task<string> PublishedTwiceAsync(AdminSite site, string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync("BlogPost");
        SetTitle(item, $"{title} one");
        item.Author = "alice";
        await manager.CreateAsync(item, publish: true);
        var draft = (await manager.GetAsync(item.ContentItemId, VersionOptions.DraftRequired))!;
        SetTitle(draft, $"{title} two");
        draft.Author = "bob";
        await manager.UpdateAsync(draft, item.ContentItemVersionId);
        await manager.PublishAsync(draft, draft.ContentItemVersionId);
        return item.ContentItemId;
    }

    public static void SetTitle(ContentItem item, string title)
    {
        item.DisplayText = title;
        item.GetOrCreatePart("TitlePart")["Title"] = title;
    }

    /// <summary>Asks GraphQL anonymously (or with a preview token) for the item's display text at a status; null when it has none.</summary>
    public static async Task<string?> GraphQLTitleAsync(AdminSite site, string id, string status = "PUBLISHED", string? previewToken = null)
    {
        using var http = new HttpClient { BaseAddress = site.Address };
        var query = $"{{ contentItem(contentItemId: \"{id}\", status: {status}) {{ displayText }} }}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        if (previewToken is not null) request.Headers.Add("X-Preview-Token", previewToken);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("contentItem", out var item)
            && item.ValueKind == JsonValueKind.Object && item.GetProperty("displayText").GetString() is { } text
            ? text
            : null;
    }

    /// <summary>The page's HTML with entities decoded (Razor encodes "›" and quotes), for plain-text assertions.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The value of the first hidden input named <paramref name="name"/>.</summary>
    public static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"(?<v>[^\"]*)\"");
        Assert.That(match.Success, Is.True, $"the page has a hidden {name}");
        return WebUtility.HtmlDecode(match.Groups["v"].Value);
    }
}
