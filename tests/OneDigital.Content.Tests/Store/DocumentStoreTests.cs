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
