// Why: subscribers are personal data: only holders of ManageBulletinSubscribers may list, export or erase them, an
// export must hold everything, and erasure must go through a confirmed, antiforgery-checked POST.
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.History;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Bulletin;

namespace OneDigital.Admin.Tests.Subscribers;

public sealed class SubscriberPageTests
{
    private const string Password = "Someone-Pa55word!";
    private AdminSite _site = null!;
    private string _confirmed = "";
    private string _pending = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await AdminSite.StartAsync(SubscriberSupport.Settings);
        await _site.AddUserAsync("editor", Password, "Editor");
        _confirmed = await SubscriberSupport.AddAsync(_site, "confirmed.reader@example.org", BulletinStatus.Confirmed);
        _pending = await SubscriberSupport.AddAsync(_site, "pending.reader@example.org", BulletinStatus.Pending);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private static int Rows(string html) => html.Split("<tr class=\"govuk-table__row\" data-status=").Length - 1;

    [Test]
    public async Task The_list_filters_by_status_and_address_and_links_each_subscriber_to_their_details()
    {
        using var client = await _site.SignedInAdminAsync();

        var all = await HistorySite.TextAsync(await client.GetAsync("/admin/subscribers"));
        var confirmed = await HistorySite.TextAsync(await client.GetAsync("/admin/subscribers?status=Confirmed"));
        var byText = await HistorySite.TextAsync(await client.GetAsync("/admin/subscribers?text=PENDING"));

        Assert.That(Rows(all), Is.GreaterThanOrEqualTo(2));
        Assert.That(all, Does.Contain("href=\"/admin/subscribers\" aria-current=\"page\""), "the header's Subscribers entry is current");
        Assert.That(Rows(confirmed), Is.EqualTo(1));
        Assert.That(confirmed, Does.Contain($"href=\"/admin/subscribers/{_confirmed}\">confirmed.reader@example.org<"));
        Assert.That(byText, Does.Contain("1 subscriber<").And.Contain("pending.reader@example.org").And.Not.Contain("confirmed.reader@"));

        using var bad = await client.GetAsync("/admin/subscribers?status=Nonsense");
        var badHtml = await HistorySite.TextAsync(bad);
        Assert.That(badHtml, Does.Contain("govuk-error-summary").And.Contain("Choose a status from the list"));
        Assert.That(Rows(badHtml), Is.Zero);
    }

    [Test]
    public async Task The_details_page_shows_the_consent_as_shown_and_the_JSON_export_holds_every_field()
    {
        using var client = await _site.SignedInAdminAsync();

        var details = await HistorySite.TextAsync(await client.GetAsync($"/admin/subscribers/{_confirmed}"));
        using var json = await client.GetAsync($"/admin/subscribers/{_confirmed}?handler=export");

        Assert.That(details, Does.Contain(SubscriberSupport.Consent).And.Contain("<h1 class=\"govuk-heading-l admin-wrap\">confirmed.reader@example.org</h1>"));
        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(json.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.That((root.GetProperty("email").GetString(), root.GetProperty("status").GetString(), root.GetProperty("consentWording").GetString()),
            Is.EqualTo(("confirmed.reader@example.org", "Confirmed", SubscriberSupport.Consent)));
        Assert.That(root.GetProperty("confirmedUtc").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That((await client.GetAsync("/admin/subscribers/no-such-id")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_CSV_export_downloads_every_subscriber_and_is_never_cached()
    {
        using var client = await _site.SignedInAdminAsync();

        using var csv = await client.GetAsync("/admin/subscribers/export.csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("bulletin-subscribers.csv"));
        Assert.That(csv.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(lines[0], Does.StartWith("Id,Email,Status,ConsentWording"));
        Assert.That(lines, Has.Some.Contain($"{_confirmed},confirmed.reader@example.org,Confirmed,"));
        Assert.That(lines, Has.Some.Contain($"{_pending},pending.reader@example.org,Pending,"));
    }

    [Test]
    public async Task Erasing_asks_first_and_the_POST_deletes_the_subscriber_and_keeps_an_unsubscribed_address_as_a_hash()
    {
        var id = await SubscriberSupport.AddAsync(_site, "leaving.reader@example.org", BulletinStatus.Unsubscribed);
        using var client = await _site.SignedInAdminAsync();

        var confirmation = await HistorySite.TextAsync(await client.GetAsync($"/admin/subscribers/{id}/erase"));
        Assert.That(confirmation, Does.Contain("Erase leaving.reader@example.org?").And.Contain("suppression list"));
        Assert.That(await ExistsAsync("leaving.reader@example.org"), Is.True, "opening the page erases nothing");

        using var noToken = await client.PostRawAsync($"/admin/subscribers/{id}/erase", []);
        Assert.That(noToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "antiforgery");
        Assert.That(await ExistsAsync("leaving.reader@example.org"), Is.True);

        using var erased = await client.PostFormAsync($"/admin/subscribers/{id}/erase", []);
        Assert.That(erased.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(erased.Headers.Location?.OriginalString, Is.EqualTo("/admin/subscribers?erased=true"));
        Assert.That(await ExistsAsync("leaving.reader@example.org"), Is.False);
        await using var scope = _site.Services.CreateAsyncScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<BulletinSubscribers>().IsSuppressedAsync("leaving.reader@example.org"), Is.True);
        Assert.That(await HistorySite.TextAsync(await client.GetAsync("/admin/subscribers?erased=true")), Does.Contain("The subscriber's data was erased."));
        Assert.That((await client.GetAsync($"/admin/subscribers/{id}/erase")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Without_ManageBulletinSubscribers_every_page_and_the_erase_POST_are_forbidden_and_nothing_changes()
    {
        using var editor = _site.NewClient();
        await editor.SignInAsync("editor", Password);

        foreach (var path in new[] { "/admin/subscribers", $"/admin/subscribers/{_pending}", $"/admin/subscribers/{_pending}?handler=export",
                     "/admin/subscribers/export.csv", $"/admin/subscribers/{_pending}/erase" })
        {
            using var response = await editor.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), path);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("pending.reader@"), path);
        }
        // An antiforgery token from a page the editor may open, so only the permission can refuse the POST.
        using var post = await editor.PostFormAsync("/admin/account", [], $"/admin/subscribers/{_pending}/erase");
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await ExistsAsync("pending.reader@example.org"), Is.True);
        Assert.That(await HistorySite.TextAsync(await editor.GetAsync("/admin")), Does.Not.Contain("href=\"/admin/subscribers\""), "no menu entry");

        using var anonymous = _site.NewClient();
        using var redirected = await anonymous.GetAsync("/admin/subscribers/export.csv");
        Assert.That(redirected.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(redirected.Headers.Location?.PathAndQuery, Does.StartWith("/admin/sign-in"));
    }

    private async Task<bool> ExistsAsync(string email)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BulletinSubscribers>().ExportAsync(email) is not null;
    }
}
