// Why: every scheduling test needs the same things: a store with the schedule services, a clock the test moves, and
// a record of the content events with whom each change was attributed to.
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneDigital.Content.Items;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Tests.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Scheduling;

/// <summary>A store fixture with scheduling, a <see cref="FakeTimeProvider"/> and the published/unpublished events heard.</summary>
public abstract class ScheduleFixture(TestDatabase database) : StoreFixture(database)
{
    protected static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    protected static readonly ScheduleActor Editor = new("editor-id", "Edith Editor");

    /// <summary>Made anew for each test's store (NUnit keeps one fixture instance for all its tests).</summary>
    protected FakeTimeProvider Clock { get; private set; } = new(Start);

    protected ContentEventLog Events { get; private set; } = new();

    protected ContentSchedule Schedule => Get<ContentSchedule>();

    protected ScheduledChangeRunner Runner => Get<ScheduledChangeRunner>();

    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override void ConfigureServices(IServiceCollection services)
    {
        Clock = new FakeTimeProvider(Start);
        Events = new ContentEventLog();
        services.AddContentScheduling();
        services.AddSingleton<TimeProvider>(Clock);
        Events.Register(services);
    }

    /// <summary>The item's schedules as (action, state), by due time.</summary>
    protected async Task<(ScheduledAction, ScheduleState)[]> StatesAsync(string contentItemId) =>
        (await InNewScopeAsync(sp => sp.GetRequiredService<ContentSchedule>().ForItemAsync(contentItemId)))
            .Select(s => (s.Action, s.State)).ToArray();
}

/// <summary>Published and unpublished events as (event, item id, actor): the actor is the schedule's, or null outside a scheduled run.</summary>
public sealed class ContentEventLog
{
    public ConcurrentQueue<(string Event, string ContentItemId, string? Actor)> Heard { get; } = new();

    public int Count(string @event, string contentItemId) => Heard.Count(e => e.Event == @event && e.ContentItemId == contentItemId);

    public void Register(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddScoped<IContentEventHandler, Recorder>();
    }

    private sealed class Recorder(ContentEventLog log, ScheduledRunContext run) : IContentEventHandler
    {
        public Task PublishedAsync(ContentItem item) => Record("published", item);

        public Task UnpublishedAsync(ContentItem item) => Record("unpublished", item);

        private Task Record(string @event, ContentItem item)
        {
            log.Heard.Enqueue((@event, item.ContentItemId, run.Current?.Actor));
            return Task.CompletedTask;
        }
    }
}
