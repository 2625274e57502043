using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Recipes.Export;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Recipes;

/// <summary>An export is an Orchard recipe of everything recipes stored, and imports back to the same site.</summary>
public class ExportTests
{
    [TestCase("blog.recipe.json")]
    [TestCase("headless.recipe.json")]
    [TestCase("blog.lucene.search.recipe.json")]
    [TestCase("blog.lucene.query.recipe.json")]
    public async Task Each_orchard_recipe_imports_into_a_fresh_store_and_its_export_reimports_unchanged(string recipe)
    {
        var path = RecipeRunner.OrchardRecipe(recipe);
        await using var store = await TestStore.CreateAsync();
        await store.ImportFileAsync(path);
        var export = await ExportAsync(store);

        await using var copy = await TestStore.CreateAsync();
        await copy.ImportAsync(export);

        Assert.That(await ExportAsync(copy), Is.EqualTo(export));
    }

    [Test]
    public async Task The_blog_export_holds_its_types_items_taxonomies_menu_roles_and_query()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportFileAsync(RecipeRunner.OrchardRecipe("blog.recipe.json"));

        var steps = JsonNode.Parse(await ExportAsync(store))!["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        JsonObject Step(string name) => steps.Single(s => s["name"]!.GetValue<string>() == name);

        var types = Step("ContentDefinition")["ContentTypes"]!.AsArray().Select(t => t!["Name"]!.GetValue<string>());
        var items = Step("content")["Data"]!.AsArray().Select(i => i!.AsObject()).ToList();
        var tags = items.Single(i => i["DisplayText"]!.GetValue<string>() == "Tags");
        Assert.Multiple(() =>
        {
            Assert.That(types, Is.SupersetOf(new[] { "Blog", "BlogPost", "Taxonomy", "Tag", "Menu" }));
            Assert.That(items.Select(i => i["ContentType"]!.GetValue<string>()), Is.SupersetOf(new[] { "Blog", "BlogPost", "Taxonomy", "Menu" }));
            Assert.That(tags["TaxonomyPart"]!["Terms"]!.AsArray().Select(t => t!["DisplayText"]!.GetValue<string>()), Is.EqualTo(new[] { "Earth", "Exploration", "Space" }));
            Assert.That(items.Single(i => i["ContentType"]!.GetValue<string>() == "Menu")["MenuItemsListPart"]!["MenuItems"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(items, Has.All.Matches<JsonObject>(i => i["ContentItemVersionId"] is not null), "versions keep their ids so a re-import updates them");
            Assert.That(Step("Roles")["Roles"]!.AsArray().Select(r => r!["Name"]!.GetValue<string>()), Does.Contain("Editor"));
            Assert.That(Step("queries")["Queries"]!.AsArray().Single()!["Name"]!.GetValue<string>(), Is.EqualTo("RecentBlogPosts"));
            Assert.That(Step("feature")["enable"]!.AsArray().Select(f => f!.GetValue<string>()), Does.Contain("OrchardCore.Taxonomies"));
        });
    }

    private static async Task<string> ExportAsync(TestStore store)
    {
        await using var scope = store.Scope();
        using var output = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<RecipeExporter>().WriteAsync(output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
