using OneDigital.Content.Recipes;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Recipes;

/// <summary>A recipe that fails at any step leaves the store exactly as it was, and says which step and JSON path failed.</summary>
public class RecipeFailureTests
{
    // A first recipe puts something in the store, so "unchanged" is checked against real content.
    private const string Seed = """
        {
          "name": "Seed",
          "steps": [
            { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Article", "Settings": { "ContentTypeSettings": { "Draftable": true } },
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "Article", "Name": "Article" } ] } ],
              "ContentParts": [ { "Name": "Article", "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Summary", "Settings": { "TextFieldSettings": { "Required": true } } } ] } ] },
            { "name": "content", "Data": [ { "ContentType": "Article", "ContentItemId": "seed1", "Latest": true, "Published": true,
                "TitlePart": { "Title": "Seeded" }, "Article": { "Summary": { "Text": "Here first" } } } ] }
          ]
        }
        """;

    // Each failing recipe first writes (a type, an item, settings), then fails in its last step.
    private static string Failing(string lastStep) => $$"""
        {
          "name": "Failing",
          "steps": [
            { "name": "settings", "SiteName": "Changed" },
            { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Event", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] },
            { "name": "content", "Data": [
              { "ContentType": "Event", "ContentItemId": "new1", "Latest": true, "Published": true, "TitlePart": { "Title": "Written then rolled back" } },
              { "ContentType": "Article", "ContentItemId": "seed1", "Latest": true, "Published": true, "TitlePart": { "Title": "Seeded, edited" }, "Article": { "Summary": { "Text": "Changed" } } } ] },
            {{lastStep}}
          ]
        }
        """;

    private static IEnumerable<TestCaseData> Failures()
    {
        yield return new TestCaseData(
            """{ "name": "ContentDefinition", "ContentParts": [ { "Name": "Event", "ContentPartFieldDefinitionRecords": [ { "Name": "Where" } ] } ] }""",
            "steps[3].ContentParts[0].ContentPartFieldDefinitionRecords[0].FieldName", "needs a FieldName").SetName("field without a kind");
        yield return new TestCaseData(
            """{ "name": "settings", "HomeRoute": { "ContentItemId": "[js: uuid( + ]" } }""",
            "steps[3].HomeRoute.ContentItemId", "uuid( +").SetName("expression with a syntax error");
        yield return new TestCaseData(
            """{ "name": "settings", "HomeRoute": { "ContentItemId": "[js: null.length]" } }""",
            "steps[3].HomeRoute.ContentItemId", "null.length").SetName("failing expression");
        yield return new TestCaseData(
            """{ "name": "settings", "Owner": "[js: variables('undefinedVariable')]" }""",
            "steps[3].Owner", "undefinedVariable").SetName("undefined variable");
        yield return new TestCaseData(
            """{ "name": "content", "Data": [ { "ContentType": "Article", "TitlePart": { "Title": "No summary" }, "Article": { } } ] }""",
            "steps[3].Data[0]", "Article.Summary: A value is required").SetName("invalid content: a required field is missing");
        yield return new TestCaseData(
            """{ "name": "queries", "Queries": [ { "Source": "Lucene", "Template": "{}" } ] }""",
            "steps[3].Queries[0].Name", "Query name is missing").SetName("query without a name");
    }

    [TestCaseSource(nameof(Failures))]
    public async Task A_failing_step_leaves_the_store_unchanged_and_names_the_step_and_json_path(string lastStep, string jsonPath, string reason)
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(Seed);
        var before = await store.SnapshotAsync();

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync(Failing(lastStep)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StepNumber, Is.EqualTo(4));
            Assert.That(error.JsonPath, Is.EqualTo(jsonPath));
            Assert.That(error.Message, Does.Contain("step 4").And.Contain(jsonPath).And.Contain(reason));
        });
        Assert.That(await store.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Invalid_json_is_reported_with_its_line_and_nothing_is_written()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(Seed);
        var before = await store.SnapshotAsync();

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync("{ \"name\": \"Broken\",\n \"steps\": [ { \"name\": \"settings\", } ,, ] }"));

        Assert.That(error!.Message, Does.Contain("not valid JSON").And.Contain("line 2"));
        Assert.That(await store.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_failure_in_a_nested_recipe_rolls_back_the_outer_recipe_too()
    {
        var folder = Directory.CreateTempSubdirectory("recipes").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "inner.recipe.json"), """
            { "name": "Inner", "steps": [ { "name": "settings", "Broken": "[js: NoSuchField( + ]" } ] }
            """);
        await using var store = await TestStore.CreateAsync();
        var before = await store.SnapshotAsync();

        var error = Assert.ThrowsAsync<RecipeException>(() => store.ImportAsync("""
            { "name": "Outer", "steps": [ { "name": "settings", "SiteName": "Outer" }, { "name": "recipes", "Values": [ { "name": "Inner" } ] } ] }
            """, folder));

        Assert.That(error!.Message, Does.Contain("Inner").And.Contain("NoSuchField"));
        Assert.That(await store.SnapshotAsync(), Is.EqualTo(before));
    }
}
