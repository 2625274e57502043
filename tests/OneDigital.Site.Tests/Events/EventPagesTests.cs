// Why: readers look for what is on next; events must be listed by their own start (never by when they were
// published), told in the site's zone, be importable into any calendar (.ics that Ical.Net reads back) and be
// described to search engines as schema.org Events whose JSON cannot be broken out of by an editor's title.
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ical.Net;
using OneDigital.Content.Items;
using OneDigital.Site.Models;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Events;

public sealed partial class EventPagesTests
{
    private const string Nasty = "Talk </script><script>alert(1)</script> & more";

    private static readonly DateTime LeedsStarts = new(2030, 3, 5, 10, 0, 0, DateTimeKind.Utc);

    private ReadersSite _site = null!;
    private ContentItem _leeds = null!;
    private ContentItem _webinar = null!;
    private ContentItem _nasty = null!;
    private ContentItem _spring = null!;
    private readonly List<string> _soon = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await ReadersSite.StartAsync();
        var now = DateTime.UtcNow;
        // Published in the opposite order of their starts, so a list by publishing date would be wrong.
        for (var day = 11; day >= 1; day--)
        {
            var title = $"Upcoming session {day:00}";
            await EventAsync(title, now.AddDays(day), null, venue: "Leeds", online: false);
            _soon.Insert(0, title);
        }
        _leeds = await EventAsync("Learning set in Leeds", LeedsStarts, LeedsStarts.AddMinutes(90), "Leeds Central Library", online: false);
        _webinar = await EventAsync("Summer webinar", new DateTime(2030, 7, 9, 13, 0, 0, DateTimeKind.Utc), new DateTime(2030, 7, 9, 14, 0, 0, DateTimeKind.Utc),
            venue: null, online: true, registration: "https://example.test/register?event=summer&x=1");
        _nasty = await EventAsync(Nasty, new DateTime(2031, 1, 1, 9, 0, 0, DateTimeKind.Utc), null, venue: "Cardiff", online: true);
        await EventAsync("Winter workshop", now.AddDays(-30), null, "Glasgow", online: false);
        _spring = await EventAsync("Spring workshop", now.AddDays(-3), null, "Belfast", online: false, registration: "https://example.test/closed");
        await EventAsync("Secret draft event", now.AddDays(2), null, "Nowhere", online: false, publish: false);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task Upcoming_events_are_listed_soonest_first_and_paged_with_real_links()
    {
        var first = await _site.GetStringAsync("/events");
        var second = await _site.GetStringAsync("/events?page=2");

        Assert.Multiple(() =>
        {
            Assert.That(SeededTitles(Upcoming(first)), Is.EqualTo(_soon.Take(10)));
            Assert.That(first, Does.Contain("href=\"/events?page=2\" rel=\"next\""));
            Assert.That(first, Does.Contain("14 events, page 1 of 2"));
            Assert.That(SeededTitles(Upcoming(second)), Is.EqualTo(new[] { "Upcoming session 11", "Learning set in Leeds", "Summer webinar", Nasty }));
            Assert.That(second, Does.Contain("href=\"/events\" rel=\"prev\""));
            Assert.That(second, Does.Contain($"<link rel=\"canonical\" href=\"{Base}/events?page=2\">"));
        });
    }

    [TestCase("/events?page=3")]
    [TestCase("/events?page=0")]
    [TestCase("/events?page=two")]
    [TestCase("/events/past?page=2")]
    public async Task A_page_of_events_that_does_not_exist_answers_404(string path)
    {
        using var response = await _site.Http.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Past_events_are_listed_newest_first_apart_from_upcoming_ones_and_drafts_nowhere()
    {
        var events = await _site.GetStringAsync("/events");
        var past = await _site.GetStringAsync("/events/past");

        Assert.Multiple(() =>
        {
            Assert.That(SeededTitles(past), Is.EqualTo(new[] { "Spring workshop", "Winter workshop" }));
            Assert.That(SeededTitles(PastSection(events)), Is.EqualTo(new[] { "Spring workshop", "Winter workshop" }));
            Assert.That(SeededPagesH1(past), Is.EqualTo("Past events and workshops"));
            Assert.That(events + past, Does.Not.Contain("Secret draft event"));
            Assert.That(past, Does.Not.Contain("https://example.test/closed"), "no registration once an event has started");
        });
    }

    [Test]
    public async Task Each_event_in_the_list_says_its_date_time_and_zone_where_it_is_and_how_to_register()
    {
        var html = await _site.GetStringAsync("/events?page=2");

        Assert.Multiple(() =>
        {
            // Fluid encodes the offset's "+"; a browser reads the attribute decoded.
            Assert.That(WebUtility.HtmlDecode(html), Does.Contain("<time datetime=\"2030-03-05T10:00:00+00:00\">Tuesday 5 March 2030, 10:00 to 11:30 GMT</time>"));
            Assert.That(WebUtility.HtmlDecode(html), Does.Contain("<time datetime=\"2030-07-09T14:00:00+01:00\">Tuesday 9 July 2030, 14:00 to 15:00 BST</time>"));
            Assert.That(html, Does.Contain("<dt>Where</dt><dd>Leeds Central Library</dd>"));
            Assert.That(html, Does.Contain("<dt>Where</dt><dd>Online</dd>"));
            Assert.That(html, Does.Contain("<dt>Where</dt><dd>Online and at Cardiff</dd>"));
            Assert.That(html, Does.Contain("href=\"https://example.test/register?event=summer&amp;x=1\">Register<span class=\"govuk-visually-hidden\"> for Summer webinar</span></a>"));
            Assert.That(html, Does.Contain($"href=\"/events/{_leeds.ContentItemId}.ics\""));
        });
    }

    [Test]
    public async Task An_events_page_says_when_where_and_links_to_registration_and_its_calendar_file()
    {
        var html = await _site.GetStringAsync(ItemViews.UrlOf(_webinar)!);

        Assert.Multiple(() =>
        {
            Assert.That(SeededPagesH1(html), Is.EqualTo("Summer webinar"));
            Assert.That(html, Does.Contain("Tuesday 9 July 2030, 14:00 to 15:00 BST"));
            Assert.That(html, Does.Contain("<dd class=\"govuk-summary-list__value\">Online</dd>"));
            Assert.That(html, Does.Contain("href=\"https://example.test/register?event=summer&amp;x=1\">Register</a>"), "the editors' link text");
            Assert.That(html, Does.Contain($"href=\"/events/{_webinar.ContentItemId}.ics\">Add this event to your calendar (ICS file)</a>"));
        });
    }

    [Test]
    public async Task An_events_ics_file_parses_with_ical_net_and_holds_that_event_in_utc()
    {
        using var response = await _site.Http.GetAsync($"/events/{_leeds.ContentItemId}.ics");
        var text = await response.Content.ReadAsStringAsync();
        var again = Calendar.Load(await _site.GetStringAsync($"/events/{_leeds.ContentItemId}.ics"))!.Events.Single();

        var calendar = Calendar.Load(text)!;
        var entry = calendar.Events.Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
            Assert.That(response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").Single(),
                Does.Contain("learning-set-in-leeds.ics"));
            Assert.That(entry.Summary, Is.EqualTo("Learning set in Leeds"));
            Assert.That(entry.Uid, Does.StartWith(_leeds.ContentItemId + "@"));
            Assert.That(again.Uid, Is.EqualTo(entry.Uid), "the UID is stable");
            Assert.That(entry.DtStart!.AsUtc, Is.EqualTo(LeedsStarts));
            Assert.That(entry.DtStart.IsUtc, Is.True);
            Assert.That(entry.DtEnd!.AsUtc, Is.EqualTo(LeedsStarts.AddMinutes(90)));
            Assert.That(entry.DtStamp, Is.Not.Null);
            Assert.That(entry.Location, Is.EqualTo("Leeds Central Library"));
            Assert.That(entry.Url, Is.EqualTo(new Uri(new Uri(Base), ItemViews.UrlOf(_leeds))));
            Assert.That(text, Does.Contain("DTSTART:20300305T100000Z"));
        });
    }

    [Test]
    public async Task The_calendar_feed_holds_exactly_the_upcoming_published_events()
    {
        using var response = await _site.Http.GetAsync("/events.ics");
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var single = Calendar.Load(await _site.GetStringAsync($"/events/{_leeds.ContentItemId}.ics"))!.Events.Single();

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
            Assert.That(calendar.Events.Select(e => e.Summary),
                Is.EqualTo(_soon.Concat(["Learning set in Leeds", "Summer webinar", Nasty])), "upcoming, soonest first; no past events, no drafts");
            Assert.That(calendar.Events.Single(e => e.Summary == "Learning set in Leeds").Uid, Is.EqualTo(single.Uid), "the same UID as its own file");
        });
    }

    [TestCase("no-such-event")]
    public async Task A_calendar_file_for_an_item_that_is_no_published_event_answers_404(string id)
    {
        var reportSeries = await _site.IdAtAsync("one-digital-observational-and-practice-based-learning-report");
        using var unknown = await _site.Http.GetAsync($"/events/{id}.ics");
        using var notAnEvent = await _site.Http.GetAsync($"/events/{reportSeries}.ics");

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(notAnEvent.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_events_page_carries_schema_org_event_json_ld()
    {
        var leeds = JsonLd(await _site.GetStringAsync(ItemViews.UrlOf(_leeds)!));
        var webinar = JsonLd(await _site.GetStringAsync(ItemViews.UrlOf(_webinar)!));

        Assert.Multiple(() =>
        {
            Assert.That((string?)leeds["@context"], Is.EqualTo("https://schema.org"));
            Assert.That((string?)leeds["@type"], Is.EqualTo("Event"));
            Assert.That((string?)leeds["name"], Is.EqualTo("Learning set in Leeds"));
            Assert.That((string?)leeds["startDate"], Is.EqualTo("2030-03-05T10:00:00+00:00"));
            Assert.That((string?)leeds["endDate"], Is.EqualTo("2030-03-05T11:30:00+00:00"));
            Assert.That((string?)leeds["eventAttendanceMode"], Is.EqualTo("https://schema.org/OfflineEventAttendanceMode"));
            Assert.That((string?)leeds["location"]?["@type"], Is.EqualTo("Place"));
            Assert.That((string?)leeds["location"]?["name"], Is.EqualTo("Leeds Central Library"));
            Assert.That((string?)leeds["url"], Is.EqualTo(Base + ItemViews.UrlOf(_leeds)));
            Assert.That((string?)webinar["eventAttendanceMode"], Is.EqualTo("https://schema.org/OnlineEventAttendanceMode"));
            Assert.That((string?)webinar["location"]?["@type"], Is.EqualTo("VirtualLocation"));
            Assert.That((string?)webinar["location"]?["url"], Is.EqualTo("https://example.test/register?event=summer&x=1"));
            Assert.That((string?)webinar["startDate"], Is.EqualTo("2030-07-09T14:00:00+01:00"));
        });
    }

    [Test]
    public async Task An_editors_title_cannot_break_out_of_the_json_ld_script()
    {
        var html = await _site.GetStringAsync(ItemViews.UrlOf(_nasty)!);

        var json = JsonLd(html);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script>alert(1)"));
            Assert.That(Regex.Count(html, "<script"), Is.EqualTo(1), "only the JSON-LD script element");
            Assert.That((string?)json["name"], Is.EqualTo(Nasty));
            Assert.That((string?)json["eventAttendanceMode"], Is.EqualTo("https://schema.org/MixedEventAttendanceMode"));
            Assert.That(json["location"]!.AsArray().Select(l => (string?)l!["@type"]), Is.EqualTo(new[] { "VirtualLocation", "Place" }));
        });
    }

    private string Base => _site.Http.BaseAddress!.ToString().TrimEnd('/');

    private Task<ContentItem> EventAsync(string title, DateTime starts, DateTime? ends, string? venue, bool online, string? registration = null, bool publish = true) =>
        _site.CreateAsync("Event", title, publish, "About the event.", item =>
        {
            var part = item.GetOrCreatePart("Event");
            part["StartsAt"] = new JsonObject { ["Value"] = starts };
            if (ends is { } end) part["EndsAt"] = new JsonObject { ["Value"] = end };
            if (venue is not null) part["Venue"] = new JsonObject { ["Text"] = venue };
            part["Online"] = new JsonObject { ["Value"] = online };
            if (registration is not null) part["Registration"] = new JsonObject { ["Url"] = registration, ["Text"] = "Register" };
        });

    private static JsonNode JsonLd(string html)
    {
        var script = Regex.Match(html, "<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline);
        Assert.That(script.Success, Is.True, "a JSON-LD script element");
        return JsonNode.Parse(script.Groups[1].Value)!;
    }

    private static string Upcoming(string html) => html[..html.IndexOf("<h2 class=\"govuk-heading-l\">Past events</h2>", StringComparison.Ordinal)];

    private static string PastSection(string html) => html[html.IndexOf("<h2 class=\"govuk-heading-l\">Past events</h2>", StringComparison.Ordinal)..];

    private static string SeededPagesH1(string html) => Pages.SeededPagesTests.H1s(html).Single();

    /// <summary>The events' titles in a list, in page order.</summary>
    private static string[] SeededTitles(string html) =>
        [.. Title().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<h[23] class=\"govuk-heading-s site-summary__title\"><a class=\"govuk-link\" href=\"[^\"]*\">(.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex Title();
}
