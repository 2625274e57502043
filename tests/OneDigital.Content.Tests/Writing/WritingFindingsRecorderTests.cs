// Why: the site-wide report reads stored counts rather than checking every item per request; they must follow
// publishing exactly: written with a publish, gone with an unpublish, and never left by a publish that rolled back.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Content.Writing;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Writing;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class WritingFindingsRecorderTests(TestDatabase database)
{
    private const string Model = """
        { "name": "Model", "steps": [ { "name": "ContentDefinition",
          "ContentTypes": [ { "Name": "Note", "ContentTypePartDefinitionRecords": [
            { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart" } ] } ] } ] }
        """;

    private static async Task<WritingFindingCounts?> CountsAsync(TestStore store, string id)
    {
        await using var scope = store.Scope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<WritingFindingCounts>().AsNoTracking().SingleOrDefaultAsync(r => r.ContentItemId == id);
    }

    [Test]
    public async Task Publishing_stores_the_counts_and_unpublishing_removes_them()
    {
        await using var store = await TestStore.CreateAsync(database);
        await store.ImportAsync(Model);
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync("Note");
        item.GetOrCreatePart("TitlePart")["Title"] = "Counted";
        item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "![](/media/a.png) and [click here](/x). The form was sent.";
        await manager.CreateAsync(item, publish: true);

        var counts = await CountsAsync(store, item.ContentItemId);
        Assert.That(counts, Is.Not.Null);
        Assert.That((counts!.Serious, counts.Warnings, counts.Advice), Is.EqualTo((1, 1, 1)));
        Assert.That(counts.CheckIds, Is.EqualTo("image-missing-alt,link-vague-text,passive-voice"));
        Assert.That(counts.ContentType, Is.EqualTo("Note"));

        var published = await manager.GetAsync(item.ContentItemId, VersionOptions.Published);
        await manager.UnpublishAsync(published!);
        Assert.That(await CountsAsync(store, item.ContentItemId), Is.Null);
    }

    [Test]
    public async Task A_publish_that_rolls_back_leaves_no_counts()
    {
        await using var store = await TestStore.CreateAsync(database);
        await store.ImportAsync(Model);
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync("Note");
        item.GetOrCreatePart("TitlePart")["Title"] = "Rolled back";

        Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<StoreTransaction>().RunAsync(async () =>
        {
            await manager.CreateAsync(item, publish: true);
            throw new InvalidOperationException("rolled back");
        }));

        Assert.That(await CountsAsync(store, item.ContentItemId), Is.Null);
    }
}
