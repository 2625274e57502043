// Why: a cached upcoming list must not keep offering an event that has started; nothing publishes then, so the cache
// must know when its upcoming lists go stale. Time is the site's clock, faked here so the test need not wait.
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Events;

public sealed class EventCachingTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ReadersSite.StartAsync(s => s.AddSingleton<TimeProvider>(_clock));

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private Task EventAsync(string title, DateTime starts) => _site.CreateAsync("Event", title, publish: true, "About the event", item =>
        item.GetOrCreatePart("Event")["StartsAt"] = new JsonObject { ["Value"] = starts });

    private async Task<(string Html, bool Cached)> GetAsync(string path)
    {
        using var response = await _site.Http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    [Test]
    public async Task Cached_upcoming_lists_drop_an_event_once_it_starts_and_stay_cached_until_then()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await EventAsync("Workshop starting soon", now.AddHours(2));
        await EventAsync("Workshop next month", now.AddDays(30));
        foreach (var path in new[] { "/events", "/events/past", "/", "/events.ics" })
        {
            await GetAsync(path);
        }

        _clock.Advance(TimeSpan.FromHours(1));
        var (beforeList, beforeCached) = await GetAsync("/events");
        var (beforeHome, _) = await GetAsync("/");
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var (afterList, afterCached) = await GetAsync("/events");
        var (afterPast, _) = await GetAsync("/events/past");
        var (afterHome, _) = await GetAsync("/");
        var (afterFeed, _) = await GetAsync("/events.ics");

        Assert.Multiple(() =>
        {
            Assert.That(beforeCached, Is.True, "before the start the list is served from the cache");
            Assert.That(UpcomingPart(beforeList), Does.Contain("Workshop starting soon"));
            Assert.That(beforeHome, Does.Contain("Workshop starting soon"));
            Assert.That(afterCached, Is.False, "the start made the cached list stale");
            Assert.That(UpcomingPart(afterList), Does.Not.Contain("Workshop starting soon").And.Contain("Workshop next month"));
            Assert.That(afterPast, Does.Contain("Workshop starting soon"));
            Assert.That(afterHome, Does.Not.Contain("Workshop starting soon").And.Contain("Workshop next month"));
            Assert.That(afterFeed, Does.Not.Contain("Workshop starting soon").And.Contain("Workshop next month"));
        });
    }

    // The first page of upcoming events also shows a few recent past ones below; only the part above counts here.
    private static string UpcomingPart(string html)
    {
        var past = html.IndexOf(">Past events</h2>", StringComparison.Ordinal);
        return past < 0 ? html : html[..past];
    }
}
