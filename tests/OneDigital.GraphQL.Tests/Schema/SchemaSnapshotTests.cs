using GraphQL;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.GraphQL.Tests.Support;
using OneDigital.Testing;

namespace OneDigital.GraphQL.Tests.Schema;

/// <summary>
/// The schema of the One Digital model, printed as SDL (GraphQL.NET's printer, schema.Print, which replaces the obsolete SchemaPrinter) and compared with the committed onedigital.graphql. After an
/// intended change, refresh it with
/// <c>ONEDIGITAL_UPDATE_SNAPSHOTS=1 dotnet test tests/OneDigital.GraphQL.Tests --filter SchemaSnapshot</c>
/// and review the diff.
/// </summary>
public class SchemaSnapshotTests
{
    [Test]
    public async Task The_One_Digital_schema_matches_the_committed_snapshot()
    {
        await using var site = await GraphQLTestSite.OneDigitalAsync();
        await MatchesSnapshotAsync(site, "onedigital.graphql");
    }

    /// <summary>Widgets, a named BagPart, menus, a date field and a user picker (Orchard/Fixtures/flow-bag-menu.recipe.json).</summary>
    [Test]
    public async Task The_widget_and_menu_schema_matches_the_committed_snapshot()
    {
        await using var site = await GraphQLTestSite.CreateAsync();
        await site.Store.ImportFileAsync(Path.Combine(RecipeRunner.RepositoryRoot(), "tests", "OneDigital.GraphQL.Tests", "Orchard", "Fixtures", "flow-bag-menu.recipe.json"));
        await MatchesSnapshotAsync(site, "flow-bag-menu.graphql");
    }

    private static async Task MatchesSnapshotAsync(GraphQLTestSite site, string fileName)
    {
        var schema = await site.Store.Services.GetRequiredService<IGraphQLSchemaSource>().GetSchemaAsync();
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n") + "\n";
        var snapshot = Path.Combine(RecipeRunner.RepositoryRoot(), "tests", "OneDigital.GraphQL.Tests", "Schema", fileName);
        if (Environment.GetEnvironmentVariable("ONEDIGITAL_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(snapshot, printed);
            Assert.Warn($"Snapshot {snapshot} rewritten.");
        }
        Assert.That(File.Exists(snapshot), $"No snapshot at {snapshot}: run with ONEDIGITAL_UPDATE_SNAPSHOTS=1 to create it.");
        Assert.That(printed, Is.EqualTo((await File.ReadAllTextAsync(snapshot)).ReplaceLineEndings("\n")),
            "The schema changed; if intended, refresh the snapshot (see the class comment) and review the diff.");
    }
}
