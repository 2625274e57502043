// Why: our own recipes are the first content editors see; they should pass the checks we ask editors to pass. The
// findings left (advice and warnings that are the client's wording to keep) are printed for the record.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;
using OneDigital.Content.Writing;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Writing;

public class SeededContentCheckTests
{
    [Test]
    public async Task The_setup_and_demo_recipes_items_have_no_serious_findings()
    {
        await using var store = await TestStore.CreateAsync();
        var recipes = Path.Combine(RecipeRunner.RepositoryRoot(), "recipes");
        await store.ImportFileAsync(Path.Combine(recipes, "onedigital.recipe.json"));
        await store.ImportFileAsync(Path.Combine(recipes, "demo.recipe.json"));
        await using var scope = store.Services.CreateAsyncScope();
        var definitions = await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync();
        var query = scope.ServiceProvider.GetRequiredService<ContentQuery>();

        var serious = new List<string>();
        foreach (var type in definitions.ContentTypes)
        {
            foreach (var item in await query.ListAsync(new ContentListRequest(type.Name) { Status = ContentStatus.Latest }))
            {
                foreach (var (body, report) in ItemBodies.Check(item, definitions, PlainEnglishList.Default))
                {
                    foreach (var finding in report.Findings)
                    {
                        var line = $"{type.Name} '{item.DisplayText}' {body.Path}: [{finding.Severity}] {finding.CheckId}: {finding.Excerpt}";
                        TestContext.Out.WriteLine(line);
                        if (finding.Severity == WritingSeverity.Serious) serious.Add(line);
                    }
                }
            }
        }
        Assert.That(serious, Is.Empty);
    }
}
