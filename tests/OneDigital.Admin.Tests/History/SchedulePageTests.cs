using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;
using OneDigital.Content.Scheduling;

namespace OneDigital.Admin.Tests.History;

/// <summary>
/// The schedule page over HTTP on a site in New York's time zone whose clock the tests move: local times stored as
/// UTC, the scheduler publishing when due, cancel, bad input, and who may.
/// </summary>
public sealed class SchedulePageTests
{
    private const string Password = "Someone-Pa55word!";
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private FakeTimeProvider _clock = null!;
    private AdminSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _clock = HistorySite.NewClock();
        _site = await HistorySite.StartAsync(_clock, "--OneDigital:Admin:TimeZone=America/New_York");
        await _site.AddUserAsync("contributor", Password, "Contributor");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private async Task<IReadOnlyList<ScheduledChange>> SchedulesAsync(string id)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentSchedule>().ForItemAsync(id);
    }

    private Task<ScheduleRunResult> RunSchedulerAsync() => _site.Services.GetRequiredService<ScheduledChangeRunner>().RunDueAsync();

    /// <summary>The form's fields for a local (New York) time <paramref name="ahead"/> of the clock, to the minute.</summary>
    private (KeyValuePair<string, string>[] Fields, DateTime DueUtc) At(TimeSpan ahead, string action)
    {
        var utc = _clock.GetUtcNow().UtcDateTime + ahead;
        utc = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, NewYork);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return ([
            new("action", action), new("date.Day", N(local.Day)), new("date.Month", N(local.Month)), new("date.Year", N(local.Year)),
            new("time", local.ToString("HH:mm", CultureInfo.InvariantCulture)),
        ], utc);
    }

    [Test]
    public async Task A_publish_scheduled_in_the_sites_time_zone_is_stored_in_UTC_and_the_scheduler_publishes_it_when_the_clock_gets_there()
    {
        var id = await _site.CreateItemAsync("BlogPost", "Scheduled launch", publish: false);
        using var client = await _site.SignedInAdminAsync();
        var (fields, dueUtc) = At(TimeSpan.FromMinutes(10), "publish");

        using var form = await client.GetAsync($"/admin/content/{id}/schedule");
        Assert.That(await HistorySite.TextAsync(form), Does.Contain("Times are in the site's time zone, <strong>America/New_York</strong>."));
        using var response = await client.PostFormAsync($"/admin/content/{id}/schedule", fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/admin/content/{id}/schedule?done=publish"));
        var pending = (await SchedulesAsync(id)).Single();
        Assert.That(pending, Has.Property("DueUtc").EqualTo(dueUtc).And.Property("State").EqualTo(ScheduleState.Pending)
            .And.Property("ScheduledByUserName").EqualTo(AdminSite.AdminUserName).And.Property("Action").EqualTo(ScheduledAction.Publish));

        Assert.That((await RunSchedulerAsync()).Completed, Is.Zero, "not due yet");
        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.That((await RunSchedulerAsync()).Completed, Is.EqualTo(1));

        Assert.That(await HistorySite.GraphQLTitleAsync(_site, id), Is.EqualTo("Scheduled launch"));
        using var page = await client.GetAsync($"/admin/content/{id}/schedule");
        var html = await HistorySite.TextAsync(page);
        Assert.That(html, Does.Contain($"data-state=\"{ScheduleState.Completed}\"").And.Contain("<strong>Done</strong>"));
        Assert.That(html, Does.Contain($">{TimeZoneInfo.ConvertTimeFromUtc(dueUtc, NewYork).ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"))}</time>"),
            "shown in the site's zone");
        await using var scope = _site.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery { ContentItemId = id, Kinds = [AuditKind.Scheduled] });
        Assert.That(audit.Events.Single().UserName, Is.EqualTo(AdminSite.AdminUserName));
    }

    [Test]
    public async Task A_cancelled_schedule_does_not_run_and_shows_as_cancelled()
    {
        var id = await _site.CreateItemAsync("BlogPost", "Stays up", publish: true);
        using var client = await _site.SignedInAdminAsync();
        using var scheduled = await client.PostFormAsync($"/admin/content/{id}/schedule", At(TimeSpan.FromMinutes(5), "unpublish").Fields);
        Assert.That(scheduled.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var pending = (await SchedulesAsync(id)).Single();
        using var page = await client.GetAsync($"/admin/content/{id}/schedule");
        Assert.That(HistorySite.Hidden(await HistorySite.TextAsync(page), "scheduleId"), Is.EqualTo(pending.Id.ToString(CultureInfo.InvariantCulture)));

        using var cancelled = await client.PostFormAsync($"/admin/content/{id}/schedule",
            [new("scheduleId", pending.Id.ToString(CultureInfo.InvariantCulture))], $"/admin/content/{id}/schedule?handler=cancel");
        _clock.Advance(TimeSpan.FromMinutes(6));
        await RunSchedulerAsync();

        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await SchedulesAsync(id)).Single().State, Is.EqualTo(ScheduleState.Cancelled));
        Assert.That(await HistorySite.GraphQLTitleAsync(_site, id), Is.EqualTo("Stays up"));
        using var after = await client.GetAsync($"/admin/content/{id}/schedule");
        var html = await HistorySite.TextAsync(after);
        Assert.That(html, Does.Contain("<strong>Cancelled</strong>").And.Contain("Cancelled by admin."));
        Assert.That(html, Does.Not.Contain("name=\"scheduleId\""), "nothing left to cancel");
    }

    [TestCase("", "", "", "", "", "#action\">Choose whether to publish or unpublish", "#date\">Enter the date", "#time\">Enter the time")]
    [TestCase("publish", "31", "2", "2030", "9:00", "#date\">The date must be a real date, for example 27 3 2027")]
    [TestCase("publish", "1", "3", "2030", "25:00", "#time\">The time must be hours and minutes on the 24-hour clock, for example 14:30")]
    [TestCase("publish", "9", "3", "2031", "02:30", "#time\">This time does not exist in America/New_York (the clocks go forward); choose another")]
    [TestCase("unpublish", "1", "1", "2020", "10:00", "#date\">The time to unpublish (2020-01-01 15:00 UTC) has passed")]
    public async Task Bad_input_shows_the_form_again_with_each_message_and_schedules_nothing(
        string action, string day, string month, string year, string time, params string[] messages)
    {
        var id = await _site.CreateItemAsync("BlogPost", "Badly scheduled", publish: false);
        using var client = await _site.SignedInAdminAsync();

        using var response = await client.PostFormAsync($"/admin/content/{id}/schedule",
            [new("action", action), new("date.Day", day), new("date.Month", month), new("date.Year", year), new("time", time)]);
        var html = await HistorySite.TextAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("govuk-error-summary"));
        foreach (var message in messages)
        {
            Assert.That(html, Does.Contain($"<a href=\"{message}"));
        }
        Assert.That(html, Does.Contain($"value=\"{time}\""), "what was typed is kept");
        Assert.That(await SchedulesAsync(id), Is.Empty);
    }

    [Test]
    public async Task A_contributor_who_cannot_publish_gets_403_and_nothing_is_scheduled()
    {
        var id = await _site.CreateItemAsync("BlogPost", "Not for contributors", publish: false);
        using var client = _site.NewClient();
        await client.SignInAsync("contributor", Password);
        using var layout = await client.GetAsync("/admin");
        var antiforgery = AdminClient.AntiforgeryToken(await layout.Content.ReadAsStringAsync());

        using var page = await client.GetAsync($"/admin/content/{id}/schedule");
        using var post = await client.PostRawAsync($"/admin/content/{id}/schedule",
            [.. At(TimeSpan.FromMinutes(5), "publish").Fields, new(AdminClient.AntiforgeryField, antiforgery)]);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await SchedulesAsync(id), Is.Empty);
    }
}
