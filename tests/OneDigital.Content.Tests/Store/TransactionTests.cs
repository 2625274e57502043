using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Store;

/// <summary>Every operation is one transaction: a failure anywhere in it leaves nothing half-written.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class TransactionTests(TestDatabase database) : StoreFixture(database)
{
    private sealed class RefusingPublisher : IContentEventHandler
    {
        public Task CreatedAsync(ContentItem item) => Task.CompletedTask;
        public Task UpdatedAsync(ContentItem item) => Task.CompletedTask;
        public Task UnpublishedAsync(ContentItem item) => Task.CompletedTask;
        public Task RemovedAsync(ContentItem item) => Task.CompletedTask;

        public Task PublishedAsync(ContentItem item) =>
            item.DisplayText == "Refused" ? throw new InvalidOperationException("a subscriber refused") : Task.CompletedTask;
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IContentEventHandler, RefusingPublisher>();

    [Test]
    public async Task A_failure_inside_a_transaction_rolls_back_every_write_made_in_it()
    {
        var before = await SnapshotAsync();

        Assert.ThrowsAsync<InvalidOperationException>(() => Transaction.RunAsync(async () =>
        {
            await CreatePageAsync("Written then undone");
            await CreateReportAsync("Also undone", 1, topics: ["t"]);
            await Get<DocumentStore>().SaveAsync("SiteSettings", new Dictionary<string, string> { ["SiteName"] = "Undone" });
            await Get<ContentDefinitionStore>().AlterFieldAsync("Page", "Subtitle", "TextField");
            throw new InvalidOperationException("the last step failed");
        }));

        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
        Assert.That((await Get<ContentDefinitionStore>().GetAsync()).Part("Page")!.Field("Subtitle"), Is.Null,
            "the scope's cached definitions are dropped with the transaction");
    }

    [Test]
    public async Task A_publish_refused_after_its_rows_were_written_leaves_the_previous_versions_as_they_were()
    {
        var page = await CreatePageAsync("About");
        var draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
        draft!.GetOrCreatePart("TitlePart")["Title"] = "Refused";
        await Manager.UpdateAsync(draft);
        var before = await SnapshotAsync();

        Assert.ThrowsAsync<InvalidOperationException>(() => Manager.PublishAsync(draft));

        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
        Assert.That((await Manager.GetAsync(page.ContentItemId))!.DisplayText, Is.EqualTo("About"));
    }

    [Test]
    public async Task An_item_that_fails_validation_is_not_written()
    {
        var before = await SnapshotAsync();
        var report = await Manager.NewAsync("Report");
        report.GetOrCreatePart("TitlePart")["Title"] = "No part number";

        var error = Assert.ThrowsAsync<ContentValidationException>(() => Manager.CreateAsync(report, publish: true));

        Assert.That(error!.Message, Does.Contain("Report.PartNumber"));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Operations_in_one_transaction_commit_together()
    {
        await Transaction.RunAsync(async () =>
        {
            await CreatePageAsync("One");
            await CreatePageAsync("Two");
        });

        var titles = await InNewScopeAsync(s => s.GetRequiredService<ContentDbContext>().ContentItems.AsNoTracking()
            .Where(r => r.Published).OrderBy(r => r.DisplayText).Select(r => r.DisplayText).ToListAsync());
        Assert.That(titles, Is.EqualTo(new[] { "One", "Two" }));
    }

    /// <summary>Everything the store holds, read through a new scope.</summary>
    private Task<string> SnapshotAsync() => InNewScopeAsync(async s =>
    {
        var db = s.GetRequiredService<ContentDbContext>();
        var items = await db.ContentItems.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => $"{r.Id}|{r.ContentItemVersionId}|{r.Latest}|{r.Published}|{r.Document}").ToListAsync();
        var index = await db.ContentFieldIndex.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => $"{r.ContentItemRecordId}|{r.PartName}|{r.FieldName}|{r.Latest}|{r.Published}|{r.TextValue}|{r.NumberValue}").ToListAsync();
        var documents = await db.Documents.AsNoTracking().OrderBy(d => d.Name).Select(d => $"{d.Name}|{d.Version}|{d.Json}").ToListAsync();
        return string.Join("\n", items.Concat(index).Concat(documents));
    });
}
