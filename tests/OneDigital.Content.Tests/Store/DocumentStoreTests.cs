using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Store;

/// <summary>Named documents and the definitions document: every save is a new version other nodes can notice.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class DocumentStoreTests(TestDatabase database) : StoreFixture(database)
{
    [Test]
    public async Task Each_save_of_a_document_bumps_its_version()
    {
        var documents = Get<DocumentStore>();
        Assert.That(await documents.GetAsync<Dictionary<string, string>>("SiteSettings"), Is.EqualTo((new Dictionary<string, string>(), 0)));

        var first = await documents.SaveAsync("SiteSettings", new Dictionary<string, string> { ["SiteName"] = "One" });
        var second = await documents.SaveAsync("SiteSettings", new Dictionary<string, string> { ["SiteName"] = "One Digital" });

        var (value, version) = await InNewScopeAsync(s => s.GetRequiredService<DocumentStore>().GetAsync<Dictionary<string, string>>("SiteSettings"));
        Assert.Multiple(() =>
        {
            Assert.That((first, second, version), Is.EqualTo((1, 2, 2)));
            Assert.That(value["SiteName"], Is.EqualTo("One Digital"));
        });
        Assert.That(await documents.NamesAsync(), Does.Contain("SiteSettings").And.Contain(ContentDefinitionStore.DocumentName));
    }

    [Test]
    public async Task A_save_made_from_a_version_someone_else_has_since_replaced_is_refused_and_writes_nothing()
    {
        var documents = Get<DocumentStore>();
        await documents.SaveAsync("Notes", new Dictionary<string, string> { ["a"] = "first" });
        var (read, version) = await documents.GetAsync<Dictionary<string, string>>("Notes");
        await InNewScopeAsync(s => s.GetRequiredService<DocumentStore>().SaveAsync("Notes", new Dictionary<string, string> { ["b"] = "meanwhile" }));

        read["a"] = "from the old read";
        var refused = Assert.ThrowsAsync<DocumentConflictException>(() => documents.SaveAsync("Notes", read, version));

        var (stored, storedVersion) = await InNewScopeAsync(s => s.GetRequiredService<DocumentStore>().GetAsync<Dictionary<string, string>>("Notes"));
        Assert.Multiple(() =>
        {
            Assert.That(refused!.Message, Does.Contain("'Notes' was changed by someone else"));
            Assert.That(stored, Is.EqualTo(new Dictionary<string, string> { ["b"] = "meanwhile" }));
            Assert.That(storedVersion, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Two_transactions_updating_one_document_at_once_both_keep_their_change()
    {
        await Get<DocumentStore>().SaveAsync("Paths", new Dictionary<string, string>());
        var firstHoldsLock = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = InNewScopeAsync(s => s.GetRequiredService<StoreTransaction>().RunAsync(async () =>
        {
            await s.GetRequiredService<DocumentStore>().UpdateAsync<Dictionary<string, string>>("Paths", d => d["one"] = "1");
            firstHoldsLock.SetResult();
            await release.Task;
            return true;
        }));
        await firstHoldsLock.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Starts before the first commits, so without the lock it would read and save a copy lacking "one". On its own
        // thread: SQLite's "async" calls wait for the lock synchronously.
        var second = Task.Run(() => InNewScopeAsync(s => s.GetRequiredService<StoreTransaction>().RunAsync(() =>
            s.GetRequiredService<DocumentStore>().UpdateAsync<Dictionary<string, string>>("Paths", d => d["two"] = "2"))));
        await Task.Delay(200);
        release.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(60));

        var (stored, _) = await InNewScopeAsync(s => s.GetRequiredService<DocumentStore>().GetAsync<Dictionary<string, string>>("Paths"));
        Assert.That(stored, Is.EqualTo(new Dictionary<string, string> { ["one"] = "1", ["two"] = "2" }));
    }

    [Test]
    public void Updating_a_document_outside_a_transaction_is_a_programming_error()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Get<DocumentStore>().UpdateAsync<Dictionary<string, string>>("Paths", _ => { }));
        Assert.That(error!.Message, Does.Contain("needs a transaction"));
    }

    [Test]
    public async Task Altering_and_deleting_definitions_bumps_the_stored_version()
    {
        var definitions = Get<ContentDefinitionStore>();
        var start = (await definitions.GetAsync()).Version;

        await definitions.AlterFieldAsync("Page", "Subtitle", "TextField");
        await definitions.DeleteTypeAsync("Note");

        var stored = await InNewScopeAsync(s => s.GetRequiredService<ContentDefinitionStore>().GetAsync());
        Assert.Multiple(() =>
        {
            Assert.That(stored.Version, Is.EqualTo(start + 2));
            Assert.That(stored.Part("Page")!.Field("Subtitle")!.FieldName, Is.EqualTo("TextField"));
            Assert.That(stored.Type("Note"), Is.Null);
        });
    }

    [Test]
    public async Task A_field_of_an_unknown_type_is_rejected_and_nothing_is_stored()
    {
        var definitions = Get<ContentDefinitionStore>();
        var start = (await definitions.GetAsync()).Version;

        var error = Assert.ThrowsAsync<ContentDefinitionException>(() => definitions.AlterFieldAsync("Page", "Where", "GeoField"));

        var stored = await InNewScopeAsync(s => s.GetRequiredService<ContentDefinitionStore>().GetAsync());
        Assert.That(error!.Message, Does.Contain("unknown field type 'GeoField'"));
        Assert.That(stored.Version, Is.EqualTo(start));
        Assert.That(stored.Part("Page")!.Field("Where"), Is.Null);
    }
}
