using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Recipes;

/// <summary>Steps this CMS does not apply are stored as their JSON, replaced on a re-import, and readable by name.</summary>
public class StoredRecipeStepsTests
{
    // Each in the shape Orchard's own step reads and its deployment export writes.
    private const string SkippedSteps = """
        {
          "name": "SkippedSteps",
          "steps": [
            { "name": "Layers", "Layers": [ { "Name": "Always", "Rule": "true", "Description": "The Always layer" } ] },
            { "name": "Templates", "Templates": { "Content__BlogPost": { "Content": "<h1>{{ Model.ContentItem.DisplayText }}</h1>", "Description": "A post" } } },
            { "name": "AdminTemplates", "AdminTemplates": { "Content_Edit__Event": { "Content": "{{ Model.Content }}", "Description": "" } } },
            { "name": "WorkflowType", "data": [ { "WorkflowTypeId": "wf-1", "Name": "Notify", "IsEnabled": true, "Activities": [], "Transitions": [] } ] },
            { "name": "AdminMenu", "data": [ { "Id": "menu-1", "Name": "Hub", "Enabled": true, "MenuItems": [] } ] },
            { "name": "deployment", "Plans": [ { "Name": "Nightly", "Steps": [ { "Type": "AllContentDeploymentStep", "Step": {} } ] } ] },
            { "name": "MediaProfiles", "MediaProfiles": { "thumb": { "Hint": "Card image", "Width": 240, "Height": 160, "Mode": "Crop", "Format": "Jpg", "Quality": 80 } } },
            { "name": "ShortcodeTemplates", "ShortcodeTemplates": { "cta": { "Content": "<a href=\"{{ Args.url }}\">{{ Content }}</a>", "Hint": "A call to action", "Usage": "[cta url]", "DefaultValue": "", "Categories": [] } } },
            { "name": "Sitemaps", "data": [ { "SitemapId": "s1", "Name": "Main", "Path": "sitemap.xml", "Enabled": true } ] }
          ]
        }
        """;

    [Test]
    public async Task Each_skipped_step_is_stored_and_reported_as_stored_not_applied()
    {
        await using var store = await TestStore.CreateAsync();
        var report = await store.ImportAsync(SkippedSteps);

        await using var scope = store.Scope();
        var stored = scope.ServiceProvider.GetRequiredService<StoredRecipeSteps>();
        var profiles = await stored.GetAsync("mediaprofiles");
        Assert.Multiple(async () =>
        {
            Assert.That(report.StepsNotImplemented, Is.EqualTo(new[] { "1:Layers", "3:AdminTemplates", "4:WorkflowType", "6:deployment", "8:ShortcodeTemplates", "9:Sitemaps" }));
            Assert.That(report.ToString(), Does.Contain("steps stored, not applied"));
            Assert.That(profiles, Has.Count.EqualTo(1));
            Assert.That(profiles[0]["MediaProfiles"]!["thumb"]!["Width"]!.GetValue<int>(), Is.EqualTo(240));
            Assert.That((await stored.ListAsync()).Count, Is.EqualTo(9));
        });
    }

    [Test]
    public async Task Re_importing_a_step_with_the_same_identity_replaces_it_and_another_identity_adds_one()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(SkippedSteps);
        await store.ImportAsync(SkippedSteps);
        await store.ImportAsync("""
            { "name": "MoreTemplates", "steps": [
              { "name": "Templates", "Templates": { "Content__BlogPost": { "Content": "<h1>Changed</h1>", "Description": "A post" } } },
              { "name": "Templates", "Templates": { "Content__Event": { "Content": "<h1>Event</h1>", "Description": "" } } } ] }
            """);

        await using var scope = store.Scope();
        var templates = await scope.ServiceProvider.GetRequiredService<StoredRecipeSteps>().GetAsync("Templates");
        var rows = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<StoredRecipeStep>().CountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.EqualTo(10));
            Assert.That(templates.Select(t => t["Templates"]!.AsObject().Single().Key), Is.EqualTo(new[] { "Content__BlogPost", "Content__Event" }));
            Assert.That(templates[0]["Templates"]!["Content__BlogPost"]!["Content"]!.GetValue<string>(), Is.EqualTo("<h1>Changed</h1>"));
        });
    }

    [Test]
    public async Task Stored_steps_are_exported_unchanged_and_an_export_round_trips_byte_identical()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(SkippedSteps);
        var export = await ExportAsync(store);

        await using var copy = await TestStore.CreateAsync();
        await copy.ImportAsync(export);

        var exported = JsonNode.Parse(export)!["steps"]!.AsArray().TakeLast(9).ToList();
        var original = JsonNode.Parse(SkippedSteps)!["steps"]!.AsArray().ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(exported.Zip(original).All(p => JsonNode.DeepEquals(p.First, p.Second)), Is.True, export);
            Assert.That(await ExportAsync(copy), Is.EqualTo(export));
        });
    }

    [Test]
    public async Task A_failing_import_stores_no_step()
    {
        await using var store = await TestStore.CreateAsync();
        var before = await store.SnapshotAsync();

        Assert.ThrowsAsync<OneDigital.Content.Recipes.RecipeException>(() => store.ImportAsync("""
            { "name": "Fails", "steps": [ { "name": "Layers", "Layers": [ { "Name": "Always" } ] }, { "name": "settings", "X": "[js: ( ]" } ] }
            """));

        Assert.That(await store.SnapshotAsync(), Is.EqualTo(before));
    }

    private static async Task<string> ExportAsync(TestStore store)
    {
        await using var scope = store.Scope();
        using var output = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<OneDigital.Content.Recipes.Export.RecipeExporter>().WriteAsync(output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}

/// <summary>Definitions' settings go out as they came in, explicit false values included.</summary>
public class DefinitionSettingsExportTests
{
    [Test]
    public async Task Explicit_false_settings_are_exported_as_given()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync("""
            { "name": "Settings", "steps": [ { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Note", "DisplayName": "Note", "Hidden": false, "Settings": { "ContentTypeSettings": { "Creatable": false, "Listable": false, "Draftable": false, "Securable": false } },
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Position": "0" }, "TitlePartSettings": { "Options": 0, "RenderTitle": false } } },
                  { "PartName": "Note", "Name": "Note", "Settings": { "ContentTypePartSettings": { "Position": "1" } } } ] } ],
              "ContentParts": [ { "Name": "Note", "Settings": { "ContentPartSettings": { "Attachable": false, "Reusable": false } }, "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Body", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Body", "Position": "0" }, "TextFieldSettings": { "Required": false, "Hint": "" },
                  "ContentIndexSettings": { "Included": false, "Stored": false, "Analyzed": false }, "TextFieldEditorSettings": { "Hidden": false } } } ] } ] } ] }
            """);

        await using var scope = store.Scope();
        using var output = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<OneDigital.Content.Recipes.Export.RecipeExporter>().WriteAsync(output);
        var steps = JsonNode.Parse(output.ToArray())!["steps"]!.AsArray();
        var definition = steps.Single(s => s!["name"]!.GetValue<string>() == "ContentDefinition")!;
        var note = definition["ContentTypes"]!.AsArray().Single(t => t!["Name"]!.GetValue<string>() == "Note")!;
        var body = definition["ContentParts"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == "Note")!["ContentPartFieldDefinitionRecords"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(note["Hidden"]!.GetValue<bool>(), Is.False, "Orchard's type-level Hidden");
            Assert.That(note["Settings"]!["ContentTypeSettings"]!["Draftable"]!.GetValue<bool>(), Is.False);
            Assert.That(note["ContentTypePartDefinitionRecords"]![0]!["Settings"]!["TitlePartSettings"]!["RenderTitle"]!.GetValue<bool>(), Is.False);
            Assert.That(body["Settings"]!["TextFieldEditorSettings"]!["Hidden"]!.GetValue<bool>(), Is.False);
            Assert.That(body["Settings"]!["TextFieldSettings"]!["Required"]!.GetValue<bool>(), Is.False);
            Assert.That(body["Settings"]!["ContentIndexSettings"]!.AsObject().Count, Is.EqualTo(3));
        });
    }

    [TestCase("javascript:alert(1)")]
    [TestCase(" JavaScript:alert(1)")]
    [TestCase("data:text/html,hi")]
    [TestCase("//evil.example/x")]
    [TestCase("/\\evil.example")]
    public async Task An_admin_menu_link_that_is_not_a_site_path_or_http_url_fails_the_import_at_its_json_path(string url)
    {
        await using var store = await TestStore.CreateAsync();
        var recipe = new JsonObject
        {
            ["name"] = "Links",
            ["steps"] = new JsonArray(new JsonObject
            {
                ["name"] = "AdminMenu",
                ["data"] = new JsonArray(new JsonObject
                {
                    ["Id"] = "m", ["Name"] = "M", ["Enabled"] = true,
                    ["MenuItems"] = new JsonArray(new JsonObject
                    {
                        ["$type"] = "OrchardCore.AdminMenu.AdminNodes.LinkAdminNode, OrchardCore.AdminMenu", ["LinkText"] = "Safe", ["LinkUrl"] = "https://example.org/",
                        ["Items"] = new JsonArray(new JsonObject { ["LinkText"] = "Bad", ["LinkUrl"] = url }),
                    }),
                }),
            }),
        };

        var ex = Assert.ThrowsAsync<OneDigital.Content.Recipes.RecipeException>(() => store.ImportAsync(recipe.ToJsonString()));

        Assert.That(ex!.Message, Does.Contain("steps[0].data[0].MenuItems[0].Items[0].LinkUrl"));
        await using var scope = store.Scope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<StoredRecipeSteps>().ListAsync(), Is.Empty, "nothing of the recipe is kept");
    }

    [Test]
    public async Task A_media_profile_past_the_largest_size_fails_the_import_at_its_json_path_and_an_unknown_mode_is_a_warning()
    {
        await using var store = await TestStore.CreateAsync();
        var ex = Assert.ThrowsAsync<OneDigital.Content.Recipes.RecipeException>(() => store.ImportAsync("""
            { "name": "P", "steps": [ { "name": "MediaProfiles", "MediaProfiles": { "huge": { "Width": 100000, "Height": 100 } } } ] }
            """));
        Assert.That(ex!.Message, Does.Contain("steps[0].MediaProfiles.huge.Width").And.Contain("4096"));
        await using (var scope = store.Scope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<StoredRecipeSteps>().ListAsync(), Is.Empty, "nothing of the recipe is kept");
        }

        var report = await store.ImportAsync("""
            { "name": "P", "steps": [ { "name": "MediaProfiles", "MediaProfiles": { "card": { "Width": 480, "Mode": "Wobble" } } } ] }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(report.Warnings, Has.One.Contains("card.Mode").And.Contains("Wobble"));
            Assert.That(report.StepsNotImplemented, Is.Empty, "profiles are applied, not only stored");
        });
    }

    [Test]
    public async Task A_template_that_is_not_valid_liquid_fails_the_import_naming_it_and_an_unmappable_shape_is_reported()
    {
        await using var store = await TestStore.CreateAsync();
        var ex = Assert.ThrowsAsync<OneDigital.Content.Recipes.RecipeException>(() => store.ImportAsync("""
            { "name": "T", "steps": [ { "name": "Templates", "Templates": { "Content__BlogPost": { "Content": "<h1>{{ Model.DisplayText </h1>", "Description": "" } } } ] }
            """));
        Assert.That(ex!.Message, Does.Contain("steps[0].Templates.Content__BlogPost.Content"));

        var report = await store.ImportAsync("""
            { "name": "T", "steps": [ { "name": "Templates", "Templates": { "Widget__Hero": { "Content": "<div>{{ Model.DisplayText }}</div>", "Description": "" } } } ] }
            """);
        Assert.That(report.Warnings, Has.One.Contains("Templates.Widget__Hero").And.Contains("not shown"));
    }

    [TestCase("Content", "Content")]
    [TestCase("Content_Detail", "Content")]
    [TestCase("Content__BlogPost", "Content-BlogPost")]
    [TestCase("Content_Detail__BlogPost", "Content-BlogPost")]
    [TestCase("Content_Summary", "Content-Summary")]
    [TestCase("Content_Summary__BlogPost", "Content-BlogPost-Summary")]
    [TestCase("Content_Card__Event", "Content-Event-Card")]
    [TestCase("Widget__Hero", null)]
    [TestCase("TitlePart", null)]
    [TestCase("Content__Alias__about", null)]
    [TestCase("Content_Summary_Extra__BlogPost", null)]
    public void Orchards_shape_names_map_onto_the_themes_template_names(string shape, string? theme)
    {
        Assert.That(RecipeTemplates.ThemeName(shape), Is.EqualTo(theme));
    }
}
