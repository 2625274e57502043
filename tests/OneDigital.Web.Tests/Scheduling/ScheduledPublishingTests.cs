// Why: the web host must run the scheduling worker on every node, and nodes sharing a store must publish a scheduled
// item once between them; this runs two real sites on one store with the real clock.
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Store;
using OneDigital.Web.Tests.Support;
using OneDigital.Web.Tests.Webhooks;

namespace OneDigital.Web.Tests.Scheduling;

public sealed class ScheduledPublishingTests
{
    [Test]
    public async Task Two_sites_sharing_a_store_publish_a_scheduled_page_once() => await PublishOnceAsync(TestSite.Create());

    [Test]
    public async Task Two_sites_sharing_a_PostgreSQL_store_publish_a_scheduled_page_once() => await PublishOnceAsync(TestSite.CreatePostgres());

    private static async Task PublishOnceAsync(TestSite created)
    {
        await using var store = created;
        var published = new ConcurrentQueue<(string Site, string ContentItemId)>();
        await using var first = await StartAsync(store, "first", published);
        await using var second = await StartAsync(store, "second", published);
        ContentItem page;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            page = await manager.NewAsync("Page");
            page.GetOrCreatePart("TitlePart")["Title"] = "Scheduled launch";
            await manager.CreateAsync(page, publish: false);
            await scope.ServiceProvider.GetRequiredService<ContentSchedule>().ScheduleAsync(
                page.ContentItemId, ScheduledAction.Publish, DateTime.UtcNow.AddSeconds(1), new ScheduleActor("admin-id", "admin"));
        }

        await Eventually.WaitAsync(() => PublishedTitleAsync(second, page.ContentItemId), title => title is not null, "the scheduled page to be published");
        // Both workers poll every 50 ms: a few more rounds would show a second publish.
        await Task.Delay(500);

        // The setup recipe's own items were published too; only the scheduled page counts here.
        var publishes = published.Where(p => p.ContentItemId == page.ContentItemId).ToList();
        Assert.That(publishes, Has.Count.EqualTo(1));
        await using var check = second.Services.CreateAsyncScope();
        var row = await check.ServiceProvider.GetRequiredService<ContentDbContext>().Set<ScheduledChange>().AsNoTracking().SingleAsync();
        Assert.That((row.State, row.ClaimedBy), Is.EqualTo((ScheduleState.Completed, publishes[0].Site)));
    }

    private static async Task<RunningSite> StartAsync(TestSite store, string name, ConcurrentQueue<(string, string)> published)
    {
        var site = await store.StartAsync(
            services => services.AddScoped<IContentEventHandler>(_ => new PublishRecorder(name, published)),
            "--OneDigital:Scheduling:PollInterval=00:00:00.050", $"--OneDigital:Scheduling:NodeName={name}", TestSite.SetupRecipe("site.recipe.json"));
        await site.SetupCompletion;
        return site;
    }

    private static async Task<string?> PublishedTitleAsync(RunningSite site, string contentItemId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ContentQuery>().GetPublishedAsync(contentItemId))?.DisplayText;
    }

    private sealed class PublishRecorder(string site, ConcurrentQueue<(string, string)> published) : IContentEventHandler
    {
        public Task PublishedAsync(ContentItem item)
        {
            published.Enqueue((site, item.ContentItemId));
            return Task.CompletedTask;
        }
    }
}
