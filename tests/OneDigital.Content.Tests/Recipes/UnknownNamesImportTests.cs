using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Recipes;

/// <summary>
/// Names this CMS does not know (a module's content type, field kind, script helper or step) no longer lose the
/// recipe: they are kept as JSON, reported by name, and exported back unchanged.
/// </summary>
public class UnknownNamesImportTests
{
    // Written in Orchard's recipe format: a module's own step, content type, field kind and script helpers.
    private const string ModuleRecipe = """
        {
          "name": "ModuleFixture",
          "variables": { "eventId": "[js: uuid()]" },
          "steps": [
            { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Event", "DisplayName": "Event", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": false } },
                "ContentTypePartDefinitionRecords": [
                  { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Position": "0" } } },
                  { "PartName": "Event", "Name": "Event", "Settings": { "ContentTypePartSettings": { "Position": "1" } } } ] } ],
              "ContentParts": [ { "Name": "Event", "Settings": {}, "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Venue", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Venue", "Position": "0" } } },
                { "FieldName": "GeoPointField", "Name": "Where", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Where", "Position": "1" } } } ] } ] },
            { "name": "content", "Data": [
              { "ContentItemId": "[js: variables('eventId')]", "ContentItemVersionId": "[js: uuid()]", "ContentType": "Event", "DisplayText": "Digital drop-in",
                "Latest": true, "Published": true, "TitlePart": { "Title": "Digital drop-in" },
                "Event": { "Venue": { "Text": "Library" }, "Where": { "Latitude": 51.48, "Longitude": -3.18 } } },
              { "ContentItemId": "poll1", "ContentItemVersionId": "poll1v1", "ContentType": "Poll", "DisplayText": "Which session?",
                "Latest": true, "Published": true, "PollPart": { "Question": "Which session?", "Options": [ "Morning", "Evening" ] },
                "TitlePart": { "Title": "Which session?" } },
              { "ContentItemId": "event2", "ContentItemVersionId": "event2v1", "ContentType": "Event", "DisplayText": "Module page",
                "Latest": true, "Published": true, "TitlePart": { "Title": "Module page" },
                "Event": { "Venue": { "Text": "[js: moduleHelper('venue')]" } } } ] },
            { "name": "settings", "HomeUrl": "[js: getUrlPrefix('/events/')]", "ResumeToken": "[js: createWorkflowToken('wf1', 'act1', 7)]" },
            { "name": "Layers", "Layers": [ { "Name": "Always", "Rule": "true", "Description": "" } ] }
          ]
        }
        """;

    [Test]
    public async Task An_item_of_an_undefined_type_is_kept_as_its_json_with_a_warning_naming_it()
    {
        await using var store = await TestStore.CreateAsync();
        var report = await store.ImportAsync(ModuleRecipe);

        await using var scope = store.Scope();
        var poll = await scope.ServiceProvider.GetRequiredService<ContentQuery>().GetPublishedAsync("poll1");
        Assert.Multiple(() =>
        {
            Assert.That(poll, Is.Not.Null);
            Assert.That(poll!.ContentType, Is.EqualTo("Poll"));
            Assert.That(poll.Part("PollPart")!["Options"]!.AsArray().Select(o => o!.GetValue<string>()), Is.EqualTo(new[] { "Morning", "Evening" }));
            Assert.That(report.ItemsCreated, Is.EqualTo(3));
            Assert.That(report.Warnings, Has.One.Contains("steps[1].Data[1].ContentType").And.Contains("'Poll'").And.Contains("'poll1'"));
        });
    }

    [Test]
    public async Task A_field_of_an_unknown_kind_is_kept_and_reported_with_its_json_path()
    {
        await using var store = await TestStore.CreateAsync();
        var report = await store.ImportAsync(ModuleRecipe);

        await using var scope = store.Scope();
        var events = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ContentItems.AsNoTracking()
            .Where(r => r.ContentType == "Event" && r.Published).ToListAsync();
        var where = events.Select(ContentItemStore.ToItem).Single(e => e.DisplayText == "Digital drop-in").Part("Event")!["Where"];
        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.DeepEquals(where, JsonNode.Parse("""{ "Latitude": 51.48, "Longitude": -3.18 }""")), Is.True, where?.ToJsonString());
            Assert.That(report.Warnings, Has.Some.Contains("GeoPointField").And.Contains("Event.Where").And.Contains("ContentPartFieldDefinitionRecords[1]"));
            Assert.That(report.Warnings, Has.Some.Contains("steps[1].Data[0].Event.Where").And.Contains("GeoPointField"));
        });
    }

    [Test]
    public async Task A_missing_script_helper_keeps_its_expression_and_warns_while_orchards_url_helper_answers()
    {
        await using var store = await TestStore.CreateAsync();
        var report = await store.ImportAsync(ModuleRecipe);

        await using var scope = store.Scope();
        var settings = await scope.ServiceProvider.GetRequiredService<OneDigital.Content.Settings.SiteSettingsStore>().GetAsync();
        var page = await scope.ServiceProvider.GetRequiredService<ContentQuery>().GetPublishedAsync("event2");
        Assert.Multiple(() =>
        {
            Assert.That(settings["HomeUrl"]!.GetValue<string>(), Is.EqualTo("/events"), "getUrlPrefix with no configured prefix");
            Assert.That(settings["ResumeToken"]!.GetValue<string>(), Is.EqualTo("[js: createWorkflowToken('wf1', 'act1', 7)]"));
            Assert.That(page!.Part("Event")!["Venue"]!["Text"]!.GetValue<string>(), Is.EqualTo("[js: moduleHelper('venue')]"));
            Assert.That(report.Warnings, Has.Some.Contains("steps[2].ResumeToken").And.Contains("createWorkflowToken").And.Contains("no workflows"));
            Assert.That(report.Warnings, Has.Some.Contains("steps[1].Data[2].Event.Venue.Text").And.Contains("moduleHelper"));
        });
    }

    [Test]
    public async Task Get_url_prefix_puts_the_configured_prefix_before_the_path()
    {
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?> { ["OneDigital:Recipes:UrlPrefix"] = "/hub/" });
        await store.ImportAsync("""
            { "name": "Prefix", "steps": [ { "name": "settings", "A": "[js: getUrlPrefix('blog')]", "B": "[js: getUrlPrefix('')]" } ] }
            """);
        await using var scope = store.Scope();
        var settings = await scope.ServiceProvider.GetRequiredService<OneDigital.Content.Settings.SiteSettingsStore>().GetAsync();
        Assert.That((settings["A"]!.GetValue<string>(), settings["B"]!.GetValue<string>()), Is.EqualTo(("/hub/blog", "/hub")));
    }

    [Test]
    public async Task The_export_gives_back_unknown_items_fields_and_stored_steps_and_reimports_byte_identical()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(ModuleRecipe);
        var export = await ExportAsync(store);

        await using var copy = await TestStore.CreateAsync();
        var report = await copy.ImportAsync(export);
        var again = await ExportAsync(copy);

        var steps = JsonNode.Parse(export)!["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var items = steps.Single(s => s["name"]!.GetValue<string>() == "content")["Data"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(export));
            Assert.That(items.Select(i => i!["ContentType"]!.GetValue<string>()), Does.Contain("Poll"));
            Assert.That(steps.Last()["name"]!.GetValue<string>(), Is.EqualTo("Layers"));
            Assert.That(report.StepsNotImplemented, Has.One.EndsWith(":Layers"));
        });
    }

    private static async Task<string> ExportAsync(TestStore store)
    {
        await using var scope = store.Scope();
        using var output = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<OneDigital.Content.Recipes.Export.RecipeExporter>().WriteAsync(output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
