using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;

namespace OneDigital.Admin.Tests.History;

/// <summary>The audit page over HTTP: filters, paging newest first, retention shown, and who may read it.</summary>
public sealed class AuditPageTests
{
    private const string Password = "Someone-Pa55word!";

    private AdminSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await AdminSite.StartAsync("--OneDigital:Audit:RetentionDays=90");
        await _site.AddUserAsync("editor", Password, "Editor");
        await using var scope = _site.Services.CreateAsyncScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        await trail.RecordAsync(new AuditEntry(AuditKind.Published) { UserName = "carol", ContentItemId = "item-one", DisplayText = "Spring fair", ContentType = "Event" });
        await trail.RecordAsync(new AuditEntry(AuditKind.Deleted) { UserName = "carol", ContentItemId = "item-two", DisplayText = "Old notice", ContentType = "Article" });
        await trail.RecordAsync(new AuditEntry(AuditKind.Published) { UserName = "dave", ContentItemId = "item-three", DisplayText = "Autumn fair", ContentType = "Event" });
        for (var i = 0; i < 55; i++)
        {
            await trail.RecordAsync(new AuditEntry(AuditKind.Updated) { UserName = "paging", DisplayText = $"Page filler {i}", ContentItemId = "filler" });
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private static int Rows(string html) => html.Split("<tr class=\"govuk-table__row\" data-kind=").Length - 1;

    [Test]
    public async Task Filtering_by_kind_and_user_shows_only_the_matching_events_and_their_count()
    {
        using var client = await _site.SignedInAdminAsync();

        using var response = await client.GetAsync("/admin/audit?kind=Published&user=carol");
        var html = await HistorySite.TextAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("1 event<"));
        Assert.That(Rows(html), Is.EqualTo(1));
        Assert.That(html, Does.Contain("Spring fair").And.Not.Contain("Old notice").And.Not.Contain("Autumn fair"));
        Assert.That(html, Does.Contain("<option value=\"Published\" selected=\"selected\">Published</option>"), "the filter is kept");
    }

    [Test]
    public async Task Filtering_by_text_or_item_finds_events_by_title_type_or_id()
    {
        using var client = await _site.SignedInAdminAsync();

        using var byText = await client.GetAsync("/admin/audit?text=FAIR");
        using var byItem = await client.GetAsync("/admin/audit?item=item-two");
        var text = await HistorySite.TextAsync(byText);
        var item = await HistorySite.TextAsync(byItem);

        Assert.That(text, Does.Contain("Spring fair").And.Contain("Autumn fair").And.Not.Contain("Old notice"));
        Assert.That(text.IndexOf("Autumn fair", StringComparison.Ordinal), Is.LessThan(text.IndexOf("Spring fair", StringComparison.Ordinal)), "newest first");
        Assert.That(Rows(item), Is.EqualTo(1));
        Assert.That(item, Does.Contain("Old notice").And.Contain("Sign in failed"), "kinds are offered in words");
    }

    [Test]
    public async Task A_date_range_in_the_sites_zone_includes_today_and_a_range_ending_yesterday_finds_nothing()
    {
        using var client = await _site.SignedInAdminAsync();
        var today = DateTime.UtcNow.Date;
        var yesterday = today.AddDays(-1);

        using var inRange = await client.GetAsync($"/admin/audit?user=dave&from.Day={today.Day}&from.Month={today.Month}&from.Year={today.Year}&to.Day={today.Day}&to.Month={today.Month}&to.Year={today.Year}");
        using var before = await client.GetAsync($"/admin/audit?user=dave&to.Day={yesterday.Day}&to.Month={yesterday.Month}&to.Year={yesterday.Year}");

        Assert.That(Rows(await HistorySite.TextAsync(inRange)), Is.EqualTo(1));
        Assert.That(await HistorySite.TextAsync(before), Does.Contain("0 events<"));
    }

    [Test]
    public async Task A_bad_date_or_kind_shows_the_error_summary_and_no_events()
    {
        using var client = await _site.SignedInAdminAsync();

        using var response = await client.GetAsync("/admin/audit?kind=Nonsense&from.Day=40&from.Month=1&from.Year=2026");
        var html = await HistorySite.TextAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<a href=\"#kind\">Choose a kind of event from the list</a>"));
        Assert.That(html, Does.Contain("<a href=\"#from\">The start date must be a real date, for example 27 3 2027</a>"));
        Assert.That(html, Does.Not.Contain("data-testid=\"events\""));
    }

    [Test]
    public async Task The_trail_is_paged_fifty_at_a_time_with_links_that_keep_the_filters()
    {
        using var client = await _site.SignedInAdminAsync();

        using var first = await client.GetAsync("/admin/audit?user=paging");
        var html = await HistorySite.TextAsync(first);
        using var second = await client.GetAsync("/admin/audit?user=paging&p=2");
        var next = await HistorySite.TextAsync(second);

        Assert.That(html, Does.Contain("55 events<").And.Contain("aria-label=\"Page 2\""));
        Assert.That(Rows(html), Is.EqualTo(50));
        Assert.That(html, Does.Contain("href=\"/admin/audit?user=paging&p=2\" rel=\"next\""));
        Assert.That(html, Does.Contain("Page filler 54").And.Not.Contain("Page filler 4<"), "newest first");
        Assert.That(Rows(next), Is.EqualTo(5));
        Assert.That(next, Does.Contain("Page filler 0<"));
    }

    [Test]
    public async Task The_retention_setting_is_shown()
    {
        using var client = await _site.SignedInAdminAsync();

        using var response = await client.GetAsync("/admin/audit");

        Assert.That(await HistorySite.TextAsync(response), Does.Contain("Events are kept for 90 days (OneDigital:Audit:RetentionDays), then deleted."));
    }

    [Test]
    public async Task An_editor_without_ViewAuditTrail_gets_403_and_no_menu_entry_while_the_administrator_has_one()
    {
        using var editor = _site.NewClient();
        await editor.SignInAsync("editor", Password);
        using var admin = await _site.SignedInAdminAsync();

        using var refused = await editor.GetAsync("/admin/audit");
        using var editorHome = await editor.GetAsync("/admin");
        using var adminHome = await admin.GetAsync("/admin");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await editorHome.Content.ReadAsStringAsync(), Does.Not.Contain("href=\"/admin/audit\""));
        Assert.That(await adminHome.Content.ReadAsStringAsync(), Does.Contain("href=\"/admin/audit\">Audit trail</a>"));
    }
}
