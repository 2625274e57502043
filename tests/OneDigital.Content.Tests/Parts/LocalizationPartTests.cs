using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Parts;

/// <summary>LocalizationPart: the site's supported cultures from the Settings step, the default culture, sets, the culture index.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class LocalizationPartTests(TestDatabase database)
{
    private const string Model = """
        { "name": "Model", "steps": [
          { "name": "settings", "LocalizationSettings": { "DefaultCulture": "en-GB", "SupportedCultures": [ "en-GB", "cy-GB" ] } },
          { "name": "ContentDefinition",
            "ContentTypes": [ { "Name": "Page", "ContentTypePartDefinitionRecords": [
              { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "LocalizationPart", "Name": "LocalizationPart" } ] } ],
            "ContentParts": [] } ] }
        """;

    private TestStore _store = null!;
    private AsyncServiceScope _scope;
    private ContentManager _manager = null!;

    [SetUp]
    public async Task SetUp()
    {
        _store = await TestStore.CreateAsync(database);
        await _store.ImportAsync(Model);
        _scope = _store.Scope();
        _manager = _scope.ServiceProvider.GetRequiredService<ContentManager>();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _scope.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Test]
    public async Task A_new_item_gets_the_default_culture_and_a_set_of_its_own()
    {
        var page = await _manager.NewAsync("Page");
        page.GetOrCreatePart("TitlePart")["Title"] = "Getting online";
        await _manager.CreateAsync(page, publish: true);
        Assert.Multiple(() =>
        {
            Assert.That(page.Part("LocalizationPart")!["Culture"]!.GetValue<string>(), Is.EqualTo("en-GB"));
            Assert.That(page.Part("LocalizationPart")!["LocalizationSet"]!.GetValue<string>(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task A_culture_the_site_does_not_support_is_refused_naming_the_supported_ones()
    {
        var page = await _manager.NewAsync("Page");
        page.GetOrCreatePart("LocalizationPart")["Culture"] = "fr-FR";
        var error = Assert.ThrowsAsync<ContentValidationException>(() => _manager.CreateAsync(page, publish: true));
        Assert.That(error!.Message, Does.Contain("LocalizationPart.Culture: The culture 'fr-FR' is not one of the site's supported cultures (en-GB, cy-GB)"));
    }

    [Test]
    public async Task Lists_filter_by_culture_and_by_localization_set_through_the_index()
    {
        var english = await _manager.NewAsync("Page");
        english.GetOrCreatePart("TitlePart")["Title"] = "Getting online";
        await _manager.CreateAsync(english, publish: true);
        var welsh = await _manager.NewAsync("Page");
        welsh.GetOrCreatePart("TitlePart")["Title"] = "Mynd ar-lein";
        welsh.GetOrCreatePart("LocalizationPart")["Culture"] = "cy-GB";
        welsh.GetOrCreatePart("LocalizationPart")["LocalizationSet"] = english.Part("LocalizationPart")!["LocalizationSet"]!.GetValue<string>();
        await _manager.CreateAsync(welsh, publish: true);

        var query = _scope.ServiceProvider.GetRequiredService<ContentQuery>();
        var inWelsh = await query.ListAsync(new ContentListRequest("Page")
        {
            Filter = new ContentFilter.Field("LocalizationPart", "Culture", FieldValueKind.Text, FilterOperator.Equal, "cy-GB"),
        });
        var set = await query.ListAsync(new ContentListRequest(null)
        {
            Filter = new ContentFilter.Field("LocalizationPart", "LocalizationSet", FieldValueKind.Text, FilterOperator.Equal,
                english.Part("LocalizationPart")!["LocalizationSet"]!.GetValue<string>()),
        });
        Assert.Multiple(() =>
        {
            Assert.That(inWelsh.Select(i => i.DisplayText), Is.EqualTo(new[] { "Mynd ar-lein" }));
            Assert.That(set.Select(i => i.DisplayText).Order(), Is.EqualTo(new[] { "Getting online", "Mynd ar-lein" }));
        });
    }
}
