// Why: a large import leaves its published items for WritingChecksWorker rather than checking them in its transaction;
// once the worker has run, the counts must be exactly those a publish records, and a rolled-back import must leave
// the counts as they were and wake nothing.
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Content.Writing;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Writing;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class DeferredWritingChecksTests(TestDatabase database)
{
    private const string ThreeFindings = "![](/media/a.png) and [click here](/x). The form was sent.";
    private const string OneFinding = "Read [click here](/x) for more.";

    private static readonly DateTime PublishedUtc = new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    private const string Model = """
        { "name": "Model", "steps": [ { "name": "ContentDefinition",
          "ContentTypes": [ { "Name": "Note", "ContentTypePartDefinitionRecords": [
            { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart" } ] } ] } ] }
        """;

    private static string ItemId(int i) => $"deferrednote{i:D14}";

    /// <summary>A recipe of <paramref name="count"/> published notes; the first has <paramref name="firstBody"/>, the rest are clean.</summary>
    private static string Notes(int count, string firstBody, params JsonObject[] moreSteps)
    {
        var data = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            data.Add(new JsonObject
            {
                ["ContentItemId"] = ItemId(i),
                ["ContentItemVersionId"] = ItemId(i) + "v",
                ["ContentType"] = "Note",
                ["DisplayText"] = $"Note {i}",
                ["Latest"] = true,
                ["Published"] = true,
                ["PublishedUtc"] = PublishedUtc,
                ["TitlePart"] = new JsonObject { ["Title"] = $"Note {i}" },
                ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = i == 0 ? firstBody : $"Note number {i} is short and plain." },
            });
        }
        var steps = new JsonArray(new JsonObject { ["name"] = "content", ["Data"] = data });
        foreach (var step in moreSteps) steps.Add(step);
        return new JsonObject { ["name"] = "Notes", ["steps"] = steps }.ToJsonString();
    }

    private static async Task<WritingFindingCounts?> CountsAsync(TestStore store, string id)
    {
        await using var scope = store.Scope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<WritingFindingCounts>().AsNoTracking().SingleOrDefaultAsync(r => r.ContentItemId == id);
    }

    private static async Task<int> UncheckedAsync(TestStore store)
    {
        await using var scope = store.Scope();
        return await scope.ServiceProvider.GetRequiredService<WritingFindingsQuery>().CountUncheckedAsync();
    }

    private static WritingChecksWorker Worker(TestStore store) => store.Services.GetServices<IHostedService>().OfType<WritingChecksWorker>().Single();

    /// <summary>Whether the signal was raised since the last call (and takes it).</summary>
    private static Task<bool> WokenAsync(TestStore store) => store.Services.GetRequiredService<WritingChecksSignal>().WaitAsync(TimeSpan.Zero, CancellationToken.None);

    private static async Task<TestStore> StoreAsync(TestDatabase database)
    {
        var store = await TestStore.CreateAsync(database);
        await store.ImportAsync(Model);
        await WokenAsync(store);
        return store;
    }

    [Test]
    public async Task A_batch_after_a_row_number_checks_only_the_unchecked_items_after_it_and_says_where_it_stopped()
    {
        // The worker's walk relies on this: each batch starts where the last one stopped, not at the first row.
        await using var store = await StoreAsync(database);
        await store.ImportAsync(Notes(WritingFindingsRecorder.DeferFrom + 20, ThreeFindings));
        long RowOf(ContentDbContext db, int i) => db.ContentItems.Single(r => r.ContentItemId == ItemId(i) && r.Published).Id;
        await using var scope = store.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();

        var batch = await scope.ServiceProvider.GetRequiredService<WritingFindingsQuery>().CheckUncheckedAsync(10, afterId: RowOf(db, 4));

        Assert.Multiple(async () =>
        {
            Assert.That(batch, Is.EqualTo(new WritingCheckBatch(10, 10, RowOf(db, 14))));
            Assert.That(await CountsAsync(store, ItemId(4)), Is.Null, "at or before the row number: not checked");
            Assert.That(await CountsAsync(store, ItemId(5)), Is.Not.Null);
            Assert.That(await CountsAsync(store, ItemId(14)), Is.Not.Null);
            Assert.That(await CountsAsync(store, ItemId(15)), Is.Null, "past the batch: not checked");
        });
    }

    [Test]
    public async Task A_large_import_leaves_its_items_unchecked_until_the_worker_records_what_a_publish_records()
    {
        await using var store = await StoreAsync(database);
        const int count = WritingFindingsRecorder.DeferFrom + 20;

        await store.ImportAsync(Notes(count, ThreeFindings));

        Assert.That(await CountsAsync(store, ItemId(0)), Is.Null, "not checked inside the import");
        Assert.That(await UncheckedAsync(store), Is.EqualTo(count));
        Assert.That(await WokenAsync(store), Is.True, "the worker is woken by the import's commit");

        Assert.That(await Worker(store).CheckAllAsync(CancellationToken.None), Is.EqualTo(count));

        Assert.That(await UncheckedAsync(store), Is.Zero);
        var imported = await CountsAsync(store, ItemId(0));
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var published = await manager.NewAsync("Note");
        published.GetOrCreatePart("TitlePart")["Title"] = "Published by hand";
        published.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = ThreeFindings;
        await manager.CreateAsync(published, publish: true);
        var byPublish = await CountsAsync(store, published.ContentItemId);
        Assert.That((imported!.Serious, imported.Warnings, imported.Advice, imported.CheckIds),
            Is.EqualTo((byPublish!.Serious, byPublish.Warnings, byPublish.Advice, byPublish.CheckIds)));
        Assert.That(imported.CheckIds, Is.EqualTo("image-missing-alt,link-vague-text,passive-voice"));
        Assert.That((imported.ContentItemVersionId, imported.ContentType, imported.DisplayText, imported.PublishedUtc),
            Is.EqualTo((ItemId(0) + "v", "Note", "Note 0", PublishedUtc)));
        var clean = await CountsAsync(store, ItemId(1));
        Assert.That((clean!.Serious, clean.Warnings, clean.Advice), Is.EqualTo((0, 0, 0)));
    }

    [Test]
    public async Task A_small_import_records_its_counts_in_its_own_transaction()
    {
        await using var store = await StoreAsync(database);

        await store.ImportAsync(Notes(3, ThreeFindings));

        var counts = await CountsAsync(store, ItemId(0));
        Assert.That((counts!.Serious, counts.Warnings, counts.Advice), Is.EqualTo((1, 1, 1)));
        Assert.That(await UncheckedAsync(store), Is.Zero);
        Assert.That(await WokenAsync(store), Is.False);
    }

    [Test]
    public async Task Reimporting_a_changed_body_forgets_the_old_counts_until_the_worker_checks_it_again()
    {
        await using var store = await StoreAsync(database);
        const int count = WritingFindingsRecorder.DeferFrom;
        await store.ImportAsync(Notes(count, ThreeFindings));
        await Worker(store).CheckAllAsync(CancellationToken.None);

        await store.ImportAsync(Notes(count, OneFinding));

        Assert.That(await CountsAsync(store, ItemId(0)), Is.Null, "the old counts are stale");
        Assert.That(await UncheckedAsync(store), Is.EqualTo(1), "only the changed item is written again");
        Assert.That(await Worker(store).CheckAllAsync(CancellationToken.None), Is.EqualTo(1));
        var counts = await CountsAsync(store, ItemId(0));
        Assert.That((counts!.Serious, counts.Warnings, counts.Advice, counts.CheckIds), Is.EqualTo((0, 1, 0, "link-vague-text")));
    }

    [Test]
    public async Task A_failed_large_import_keeps_the_earlier_counts_and_wakes_nothing()
    {
        await using var store = await StoreAsync(database);
        const int count = WritingFindingsRecorder.DeferFrom;
        await store.ImportAsync(Notes(count, ThreeFindings));
        await Worker(store).CheckAllAsync(CancellationToken.None);
        await WokenAsync(store);

        var badStep = new JsonObject { ["name"] = "content", ["Data"] = new JsonArray(new JsonObject { ["ContentType"] = "" }) };
        Assert.That(async () => await store.ImportAsync(Notes(count, OneFinding, badStep)), Throws.Exception);

        var counts = await CountsAsync(store, ItemId(0));
        Assert.That((counts!.Serious, counts.Warnings, counts.Advice), Is.EqualTo((1, 1, 1)));
        Assert.That(await UncheckedAsync(store), Is.Zero);
        Assert.That(await WokenAsync(store), Is.False);
    }

    [Test]
    public async Task An_item_unpublished_after_a_large_import_is_not_checked_by_the_worker()
    {
        await using var store = await StoreAsync(database);
        await store.ImportAsync(Notes(WritingFindingsRecorder.DeferFrom, ThreeFindings));
        await using (var scope = store.Scope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = await manager.GetAsync(ItemId(0));
            await manager.UnpublishAsync(item!);
        }

        Assert.That(await Worker(store).CheckAllAsync(CancellationToken.None), Is.EqualTo(WritingFindingsRecorder.DeferFrom - 1));

        Assert.That(await CountsAsync(store, ItemId(0)), Is.Null);
    }
}
