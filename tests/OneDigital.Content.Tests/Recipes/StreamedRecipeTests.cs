using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Recipes;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Recipes;

/// <summary>
/// A recipe file is read in one pass that notes where each step and item lies, then each step is parsed as it runs
/// and a content step's items one at a time from the file: what the import writes, reports and fails on is what
/// it was when the whole recipe was one tree.
/// </summary>
public class StreamedRecipeTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"streamed-recipe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_recipe_file_with_a_bom_comments_lower_case_data_and_a_value_longer_than_the_read_buffer_imports_as_written()
    {
        await using var store = await TestStore.CreateAsync();
        var longTitle = new string('x', 200_000);
        var file = WriteRecipe($$"""
            // a comment before the recipe
            { "name": "Streamed", "variables": { "prefix": "Note" },
              "steps": [
                {{NoteType}},
                /* a comment between steps */
                { "name": "content", "data": [
                  { "ContentItemId": "first", "ContentItemVersionId": "v1", "ContentType": "Note", "TitlePart": { "Title": "[js: variables('prefix') + ' one']" } },
                  // a comment between items
                  { "ContentItemId": "long", "ContentItemVersionId": "v2", "ContentType": "Note", "TitlePart": { "Title": "{{longTitle}}" } },
                  { "ContentItemId": "[js: uuid()]", "ContentItemVersionId": "[js: uuid()]", "ContentType": "Note", "TitlePart": { "Title": "\u00e9t\u00e9 \"quoted\" [brackets]" } },
                ] }
              ] }
            """, bom: true);

        var recipe = RecipeDescriptor.Load(file);
        var report = await store.ImportFileAsync(file);

        Assert.Multiple(async () =>
        {
            Assert.That((recipe.Name, recipe.Steps.Count, recipe.ContentItemCount()), Is.EqualTo(("Streamed", 2, 3)));
            Assert.That(report.ItemsCreated, Is.EqualTo(3));
            // The whole long title reaches the stored item (its display text may be shortened).
            Assert.That((await DocumentsAsync(store)).Select(d => d.Document.Contains(longTitle, StringComparison.Ordinal) ? "(the long title)" : d.DisplayText),
                Is.EquivalentTo(new[] { "Note one", "(the long title)", "été \"quoted\" [brackets]" }));
        });
    }

    [Test]
    public async Task A_bad_item_late_in_a_recipe_file_fails_with_its_json_path_and_leaves_nothing()
    {
        await using var store = await TestStore.CreateAsync();
        var before = await store.SnapshotAsync();
        var items = Enumerable.Range(0, 1_200).Select(i => i == 1_100
            ? """{ "ContentItemId": "bad", "ContentType": "Note", "PublishedUtc": "not a date" }"""
            : $$"""{ "ContentItemId": "note{{i}}", "ContentType": "Note", "TitlePart": { "Title": "Note {{i}}" } }""");
        var file = WriteRecipe($$"""{ "name": "Late", "steps": [ {{NoteType}}, { "name": "content", "Data": [ {{string.Join(",\n", items)}} ] } ] }""");

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportFileAsync(file));

        Assert.That((error!.StepNumber, error.StepName, error.JsonPath), Is.EqualTo((2, "content", "steps[1].Data[1100].PublishedUtc")));
        Assert.That(await store.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public void Invalid_json_past_the_first_read_buffer_is_reported_with_its_line()
    {
        var items = Enumerable.Range(0, 2_000).Select(i => $$"""{ "ContentItemId": "note{{i}}", "ContentType": "Note", "DisplayText": "Note {{i}}" },""");
        var file = WriteRecipe($$"""
            { "name": "Broken", "steps": [ { "name": "content", "Data": [
            {{string.Join("\n", items)}}
            { "ContentItemId": "broken" "ContentType": "Note" }
            ] } ] }
            """);

        var error = Assert.Throws<RecipeException>(() => RecipeDescriptor.Load(file));

        Assert.That(new FileInfo(file).Length, Is.GreaterThan(128 * 1024), "the fault lies beyond the first buffers");
        Assert.That(error!.Message, Does.Contain("not valid JSON").And.Contain("line 2002"));
    }

    [TestCase("[ { \"name\": \"content\" } ]", "A recipe must be a JSON object")]
    [TestCase("{ \"name\": \"x\", \"steps\": { } }", "must have a 'steps' array")]
    [TestCase("{ \"name\": \"x\" }", "must have a 'steps' array")]
    public void A_recipe_that_is_not_an_object_with_steps_is_refused(string json, string message)
    {
        var error = Assert.Throws<RecipeException>(() => RecipeDescriptor.Load(WriteRecipe(json)));

        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public async Task A_recipe_file_changed_after_it_was_read_is_refused_rather_than_read_at_the_old_positions()
    {
        await using var store = await TestStore.CreateAsync();
        var file = WriteRecipe($$"""{ "name": "Changed", "steps": [ {{NoteType}} ] }""");
        var recipe = RecipeDescriptor.Load(file);
        await File.WriteAllTextAsync(file, $$"""{ "name": "Changed", "steps": [ { "name": "feature", "enable": [] }, {{NoteType}} ] }""");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));

        await using var scope = store.Scope();
        var error = Assert.ThrowsAsync<InvalidOperationException>(() =>
            scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, RecipeRunner.Parameters));

        Assert.That(error!.Message, Does.Contain("changed or was removed after it was read"));
    }

    [Test]
    public void A_step_that_is_not_an_object_with_a_name_fails_naming_its_path()
    {
        var file = WriteRecipe("""{ "name": "Unnamed", "steps": [ { "name": "feature", "enable": [] }, [ 1, 2 ] ] }""");

        var error = Assert.ThrowsAsync<RecipeException>(async () =>
        {
            await using var store = await TestStore.CreateAsync();
            await store.ImportFileAsync(file);
        });

        Assert.That(error!.JsonPath, Is.EqualTo("steps[1].name"));
    }

    private const string NoteType = """
        { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Note", "ContentTypePartDefinitionRecords": [
          { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] }
        """;

    private string WriteRecipe(string json, bool bom = false)
    {
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.recipe.json");
        File.WriteAllText(file, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return file;
    }

    private static async Task<List<(string? DisplayText, string Document)>> DocumentsAsync(TestStore store)
    {
        await using var scope = store.Scope();
        var rows = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ContentItems.AsNoTracking()
            .Where(r => r.ContentType == "Note").Select(r => new { r.DisplayText, r.Document }).ToListAsync();
        return rows.ConvertAll(r => (r.DisplayText, r.Document));
    }
}
