using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Items;

/// <summary>Features subscribe to content events; a handler's own writes share the change's transaction.</summary>
public class ContentEventTests
{
    private sealed class RecordingHandler(DocumentStore documents) : IContentEventHandler
    {
        public static readonly List<string> Events = [];

        public Task CreatedAsync(ContentItem item) => Record("created", item);
        public Task UpdatedAsync(ContentItem item) => Record("updated", item);
        public Task PublishedAsync(ContentItem item) => Record("published", item);
        public Task UnpublishedAsync(ContentItem item) => Record("unpublished", item);

        public async Task RemovedAsync(ContentItem item)
        {
            await Record("removed", item);
            if (item.DisplayText == "Refuse removal")
            {
                throw new InvalidOperationException("a subscriber refused");
            }
        }

        private async Task Record(string name, ContentItem item)
        {
            Events.Add($"{name}:{item.DisplayText}");
            await documents.SaveAsync("EventLog", Events.ToList());
        }
    }

    [Test]
    public async Task Subscribers_hear_created_updated_published_unpublished_and_removed_in_order()
    {
        await using var store = await CreateStoreAsync();
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync("Note");
        item.GetOrCreatePart("TitlePart")["Title"] = "One";
        await manager.CreateAsync(item, publish: false);
        await manager.PublishAsync(item);
        await manager.UpdateAsync(item);
        await manager.UnpublishAsync(item);
        await manager.RemoveAsync(item);

        Assert.That(RecordingHandler.Events, Is.EqualTo(new[] { "created:One", "published:One", "updated:One", "unpublished:One", "removed:One" }));
    }

    [Test]
    public async Task Removing_a_published_item_tells_subscribers_it_was_unpublished_then_removed()
    {
        await using var store = await CreateStoreAsync();
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync("Note");
        item.GetOrCreatePart("TitlePart")["Title"] = "Live";
        await manager.CreateAsync(item, publish: true);
        RecordingHandler.Events.Clear();

        await manager.RemoveAsync(item);

        Assert.That(RecordingHandler.Events, Is.EqualTo(new[] { "unpublished:Live", "removed:Live" }));
    }

    [Test]
    public async Task A_subscriber_that_fails_undoes_the_change_and_its_own_writes()
    {
        await using var store = await CreateStoreAsync();
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync("Note");
        item.GetOrCreatePart("TitlePart")["Title"] = "Refuse removal";
        await manager.CreateAsync(item, publish: true);
        var documents = scope.ServiceProvider.GetRequiredService<DocumentStore>();
        var logVersion = (await documents.GetAsync<List<string>>("EventLog")).Version;

        Assert.ThrowsAsync<InvalidOperationException>(() => manager.RemoveAsync(item));

        Assert.That(await manager.GetAsync(item.ContentItemId), Is.Not.Null, "the item is still published");
        Assert.That((await documents.GetAsync<List<string>>("EventLog")).Version, Is.EqualTo(logVersion), "the subscriber's write was rolled back");
    }

    private static async Task<TestStore> CreateStoreAsync()
    {
        RecordingHandler.Events.Clear();
        var store = await TestStore.CreateAsync(TestDatabase.Sqlite, configureServices: s => s.AddScoped<IContentEventHandler, RecordingHandler>());
        await using var scope = store.Scope();
        await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().AlterTypeAsync("Note", t =>
            t.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" }));
        return store;
    }
}
