using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Recipes;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Recipes;

/// <summary>
/// A content step reads, evaluates and looks up its items in chunks (500 at a time): every item is still written
/// once, a version of an item met again later in the step still updates it, a re-import still updates instead of
/// duplicating, and a bad item still fails the whole import with its JSON path.
/// </summary>
public class ChunkedImportTests
{
    private const int Items = 1_100;

    [Test]
    public async Task An_import_larger_than_a_chunk_writes_each_item_once_and_a_re_import_updates_them()
    {
        await using var store = await TestStore.CreateAsync();
        var progress = new List<int>();

        var first = await ImportAsync(store, Recipe(Items), progress);
        var rowsAfterFirst = await VersionsAsync(store);
        var second = await ImportAsync(store, Recipe(Items, title: "Changed"), []);
        var rowsAfterSecond = await VersionsAsync(store);

        Assert.Multiple(() =>
        {
            // Item 600 is a draft of item 10, in another chunk than its published version.
            Assert.That((first.ItemsCreated, first.ItemsUpdated), Is.EqualTo((Items - 1, 1)));
            Assert.That(rowsAfterFirst.Select(r => r.ContentItemId).Distinct().Count(), Is.EqualTo(Items - 1));
            Assert.That(rowsAfterFirst.Where(r => r.ContentItemId == "item10").Select(r => (r.ContentItemVersionId, r.Latest, r.Published)),
                Is.EqualTo(new[] { ("v10", false, true), ("v10-draft", true, false) }));
            Assert.That(rowsAfterFirst.Count(r => r.ContentItemId.StartsWith("item", StringComparison.Ordinal)), Is.EqualTo(Items / 2),
                "items with literal ids keep them (item 600 is a version of item 10); the others got fresh ids");
            Assert.That(progress, Is.EqualTo(new[] { 1000 }), "one progress call per thousand items");

            Assert.That(second.ItemsCreated, Is.Zero, "a re-import creates nothing");
            Assert.That(second.ItemsUpdated, Is.EqualTo(Items));
            Assert.That(rowsAfterSecond.Select(r => r.ContentItemId).Distinct(), Is.EquivalentTo(rowsAfterFirst.Select(r => r.ContentItemId).Distinct()));
            Assert.That(rowsAfterSecond.Where(r => r.Latest).Select(r => r.DisplayText), Has.All.StartWith("Changed"));
        });
    }

    [Test]
    public async Task A_small_import_calls_no_progress()
    {
        await using var store = await TestStore.CreateAsync();
        var progress = new List<int>();

        var report = await ImportAsync(store, Recipe(20), progress);

        Assert.That((report.ItemsCreated, progress.Count), Is.EqualTo((20, 0)));
    }

    [TestCase("PublishedUtc", "not a date", "steps[1].Data[700].PublishedUtc")]
    [TestCase("DisplayText", "[js: no such function(]", "steps[1].Data[700].DisplayText")]
    public async Task A_bad_item_in_a_later_chunk_fails_with_its_json_path_and_leaves_nothing(string property, string value, string path)
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(Recipe(3));
        var before = await store.SnapshotAsync();
        var recipe = JsonNode.Parse(Recipe(800))!;
        recipe["steps"]![1]!["Data"]![700]![property] = value;

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(recipe.ToJsonString()));

        Assert.That(error!.JsonPath, Does.StartWith(path));
        Assert.That(await store.SnapshotAsync(), Is.EqualTo(before));
    }

    [TestCase("TitlePart", "Title", "steps[1].Data[700].TitlePart.Title")]
    [TestCase("Extra", "1", "steps[1].Data[700].Extra[1]")]
    public async Task A_bad_expression_nested_in_an_item_fails_with_the_full_json_path_of_its_value(string property, string inner, string path)
    {
        await using var store = await TestStore.CreateAsync();
        var recipe = JsonNode.Parse(Recipe(800))!;
        JsonNode nested = inner == "1"
            ? new JsonArray("plain", "[js: no such function(]")
            : new JsonObject { ["Other"] = "plain", [inner] = "[js: no such function(]" };
        recipe["steps"]![1]!["Data"]![700]![property] = nested;

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(recipe.ToJsonString()));

        Assert.That(error!.JsonPath, Is.EqualTo(path));
    }

    [Test]
    public async Task Two_new_items_with_one_version_id_still_fail()
    {
        await using var store = await TestStore.CreateAsync();
        var recipe = JsonNode.Parse(Recipe(4))!;
        recipe["steps"]![1]!["Data"]![2]!["ContentItemVersionId"] = "shared";
        recipe["steps"]![1]!["Data"]![3]!["ContentItemVersionId"] = "shared";
        recipe["steps"]![1]!["Data"]![3]!["ContentItemId"] = "another";

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(recipe.ToJsonString()));

        Assert.That(error!.Message, Does.Contain("belongs to item"));
    }

    private static async Task<ImportReport> ImportAsync(TestStore store, string json, List<int> progress)
    {
        await using var scope = store.Scope();
        var executor = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();
        executor.ReportTo = new ImportReport { Progress = r => progress.Add(r.ItemsWritten) };
        return await executor.ExecuteAsync(RecipeDescriptor.Parse(json, TestContext.CurrentContext.TestDirectory), RecipeRunner.Parameters);
    }

    private static async Task<List<ContentItemRecord>> VersionsAsync(TestStore store)
    {
        await using var scope = store.Scope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ContentItems.AsNoTracking()
            .Where(r => r.ContentType == "Note").OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>
    /// A Note type with a path, and <paramref name="count"/> items: even ones with literal ids, odd ones with
    /// <c>uuid()</c> ids; item 600 (when there is one) is a draft of item 10.
    /// </summary>
    private static string Recipe(int count, string title = "Note")
    {
        var data = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var draftOf10 = i == 600;
            data.Add(new JsonObject
            {
                ["ContentItemId"] = draftOf10 ? "item10" : i % 2 == 0 ? $"item{i}" : "[js: uuid()]",
                ["ContentItemVersionId"] = draftOf10 ? "v10-draft" : i % 2 == 0 ? $"v{i}" : "[js: uuid()]",
                ["ContentType"] = "Note",
                ["DisplayText"] = $"{title} {i}",
                ["Latest"] = true,
                ["Published"] = !draftOf10,
                ["TitlePart"] = new JsonObject { ["Title"] = $"{title} {i}" },
                ["AutoroutePart"] = new JsonObject { ["Path"] = draftOf10 ? "notes/10" : $"notes/{i}" },
            });
        }
        return new JsonObject
        {
            ["name"] = "Notes",
            ["steps"] = new JsonArray(
                JsonNode.Parse("""
                    { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Note", "ContentTypePartDefinitionRecords": [
                      { "PartName": "TitlePart", "Name": "TitlePart" },
                      { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "AutoroutePartSettings": { "AllowCustomPath": true } } } ] } ] }
                    """),
                new JsonObject { ["name"] = "content", ["Data"] = data }),
        }.ToJsonString();
    }
}
