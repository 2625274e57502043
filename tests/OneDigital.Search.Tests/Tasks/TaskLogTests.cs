using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Indexing;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Search.Tests.Indexes;

namespace OneDigital.Search.Tests.Tasks;

/// <summary>Every content change appends an indexing task in the change's own transaction.</summary>
public class TaskLogTests
{
    private static async Task<List<IndexingTask>> TasksAsync(SearchTestStore site)
    {
        await using var scope = site.Store.Scope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<IndexingTask>().AsNoTracking().OrderBy(t => t.Id).ToListAsync();
    }

    [Test]
    public async Task Creating_publishing_updating_and_removing_append_update_and_delete_tasks()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var item = await site.CreateArticleAsync("One", publish: true);
        await site.ChangeAsync(item.ContentItemId, (m, i) => m.UnpublishAsync(i));
        await site.ChangeAsync(item.ContentItemId, (m, i) => m.RemoveAsync(i));

        var tasks = (await TasksAsync(site)).Where(t => t.ContentItemId == item.ContentItemId).Select(t => t.Type).ToList();

        Assert.That(tasks, Is.EqualTo(new[] { IndexingTaskType.Update, IndexingTaskType.Update, IndexingTaskType.Delete }),
            "created and published in one operation make one task; then the unpublish; then the removal");
    }

    [Test]
    public async Task A_change_that_rolls_back_leaves_no_task()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var before = (await TasksAsync(site)).Count;
        await using (var scope = site.Store.Scope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var transaction = scope.ServiceProvider.GetRequiredService<StoreTransaction>();
            var item = await manager.NewAsync("Article");
            item.GetOrCreatePart("TitlePart")["Title"] = "Never";
            Assert.ThrowsAsync<InvalidOperationException>(() => transaction.RunAsync(async () =>
            {
                await manager.CreateAsync(item, publish: true);
                throw new InvalidOperationException("the caller's transaction fails after the change");
            }));
        }

        Assert.That((await TasksAsync(site)).Count, Is.EqualTo(before));
    }
}
