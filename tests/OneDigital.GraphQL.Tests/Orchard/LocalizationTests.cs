using OneDigital.GraphQL.Tests.Support;
using OneDigital.Testing;

namespace OneDigital.GraphQL.Tests.Orchard;

/// <summary>
/// LocalizationPart as Orchard's GraphQL answers it (culture, localizationSet, localizations) and the culture argument
/// on lists, on the fixture <c>Fixtures/localized.recipe.json</c> (an English page, its Welsh translation, an English-only page).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class LocalizationTests(TestDatabase database)
{
    private GraphQLTestSite _site = null!;

    [OneTimeSetUp]
    public async Task ImportFixture()
    {
        _site = await GraphQLTestSite.CreateAsync(database: database);
        await _site.Store.ImportFileAsync(Path.Combine(RecipeRunner.RepositoryRoot(), "tests", "OneDigital.GraphQL.Tests", "Orchard", "Fixtures", "localized.recipe.json"));
    }

    [OneTimeTearDown]
    public async Task Dispose()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    [Test]
    public async Task The_culture_argument_lists_only_items_of_that_culture()
    {
        var welsh = await _site.DataAsync("""{ article(culture: "cy-GB") { displayText localizationPart { culture } } }""");
        var english = await _site.DataAsync("""{ article(culture: "en-GB", orderBy: { displayText: ASC }) { displayText } }""");
        var all = await _site.DataAsync("""{ articleConnection(culture: "fr-FR") { totalCount } article { displayText } }""");
        Assert.Multiple(() =>
        {
            Assert.That(welsh["article"]!.ToJsonString(), Is.EqualTo("""[{"displayText":"Mynd ar-lein","localizationPart":{"culture":"cy-GB"}}]"""));
            Assert.That(english["article"]!.AsArray().Select(i => i!["displayText"]!.GetValue<string>()), Is.EqualTo(new[] { "Getting online", "Staying safe" }));
            Assert.That(all["articleConnection"]!["totalCount"]!.GetValue<int>(), Is.Zero);
            Assert.That(all["article"]!.AsArray(), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Localizations_are_the_items_of_the_set_and_can_be_narrowed_to_one_culture()
    {
        var data = await _site.DataAsync("""
            {
              article(where: { displayText: "Getting online" }) {
                localizationPart {
                  localizationSet
                  localizations { displayText ... on Article { localizationPart { culture } } }
                  welsh: localizations(culture: "cy-GB") { contentItemId ... on Article { autoroutePart { path } } }
                }
              }
            }
            """);
        var part = data["article"]![0]!["localizationPart"]!;
        Assert.Multiple(() =>
        {
            Assert.That(part["localizationSet"]!.GetValue<string>(), Is.EqualTo("4f1setgettingonline0000000"));
            Assert.That(part["localizations"]!.AsArray().Select(i => i!["localizationPart"]!["culture"]!.GetValue<string>()).Order(),
                Is.EqualTo(new[] { "cy-GB", "en-GB" }));
            Assert.That(part["welsh"]!.ToJsonString(), Is.EqualTo("""[{"contentItemId":"4f1articlecy00000000000000","autoroutePart":{"path":"mynd-ar-lein"}}]"""));
        });
    }

    [Test]
    public async Task Site_cultures_are_the_settings_supported_cultures_with_the_default_marked()
    {
        var data = await _site.DataAsync("{ siteCultures { culture isDefault } }");
        Assert.That(data["siteCultures"]!.ToJsonString(),
            Is.EqualTo("""[{"culture":"en-GB","isDefault":true},{"culture":"cy-GB","isDefault":false}]"""));
    }
}
