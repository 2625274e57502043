// Why: a node that was down (or a site that was stopped) must run what came due meanwhile as soon as it starts,
// without anyone asking; this runs the real hosted worker rather than calling the runner.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneDigital.Content.Items;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Scheduling;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class SchedulingWorkerTests(TestDatabase database) : ScheduleFixture(database)
{
    [Test]
    public async Task A_worker_that_starts_after_changes_came_due_runs_them_all_at_once()
    {
        var pages = new List<ContentItem>();
        for (var hour = 1; hour <= 3; hour++)
        {
            var page = await CreatePageAsync($"Due at {hour}", publish: false);
            await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddHours(hour), Editor);
            pages.Add(page);
        }
        var notYet = await CreatePageAsync("Due tomorrow", publish: false);
        await Schedule.ScheduleAsync(notYet.ContentItemId, ScheduledAction.Publish, Now.AddDays(2), Editor);
        // The site was down for a day.
        Clock.Advance(TimeSpan.FromDays(1));
        var worker = Store.Services.GetServices<IHostedService>().OfType<SchedulingWorker>().Single();
        Get<StoreCondition>().MarkOpened(new StoreMarker());

        await worker.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Events.Heard.Count < pages.Count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.That(Events.Heard.Select(e => e.ContentItemId), Is.EquivalentTo(pages.Select(p => p.ContentItemId)));
        Assert.That(await Query.GetPublishedAsync(notYet.ContentItemId), Is.Null);
        Assert.That(await StatesAsync(notYet.ContentItemId), Is.EqualTo(new[] { (ScheduledAction.Publish, ScheduleState.Pending) }));
    }
}
