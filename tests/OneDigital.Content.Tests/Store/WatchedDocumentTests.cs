using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Queries;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Store;

/// <summary>
/// StoreVersions watches the documents features register, and only those: a feature adds a watch without the
/// store knowing it, and a document nobody registered is refused by name rather than read as version 0.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class WatchedDocumentTests(TestDatabase database) : StoreFixture(database)
{
    private static readonly WatchedDocument Registered = new("Watched-by-a-test-feature");

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(Registered);

    [Test]
    public async Task A_document_a_feature_registers_is_watched_and_its_save_shows_at_once()
    {
        var versions = Get<StoreVersions>();
        Assert.That((await versions.GetAsync()).Of(Registered), Is.Zero, "not saved yet");

        await Get<DocumentStore>().SaveAsync(Registered.Name, new Dictionary<string, string>());
        await Get<DocumentStore>().SaveAsync(Registered.Name, new Dictionary<string, string>());

        Assert.That((await versions.GetAsync()).Of(Registered), Is.EqualTo(2));
    }

    [Test]
    public async Task Content_registers_its_definitions_roles_and_stored_queries_documents()
    {
        await Get<DocumentStore>().SaveAsync(StoredQueriesDocument.DocumentName, new StoredQueriesDocument());
        var snapshot = await Get<StoreVersions>().GetAsync();
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Of(ContentDefinitionStore.Watched), Is.Positive, "the fixture altered the definitions");
            Assert.That(snapshot.Of(StoredQueriesDocument.Watched), Is.EqualTo(1));
            Assert.That(snapshot.Of(RoleService.Stamp), Is.Zero.Or.Positive);
        });
    }

    [Test]
    public async Task A_document_no_feature_registered_is_refused_by_name()
    {
        var snapshot = await Get<StoreVersions>().GetAsync();
        Assert.That(() => snapshot.Of(new WatchedDocument("Nobody-registered-me")),
            Throws.InvalidOperationException.With.Message.Contains("Nobody-registered-me"));
    }
}
