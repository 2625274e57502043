using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Cli;

public sealed class CliTests
{
    [Test]
    public async Task Import_on_an_empty_store_sets_it_up_first_then_prints_the_report_and_exits_0()
    {
        await using var store = TestSite.Create();
        var result = await store.RunAsync("import", TestSite.Recipe("article.recipe.json"), TestSite.SetupRecipe("site.recipe.json"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Error, Does.Contain("Setup: ran the recipe 'TestSite'"));
        Assert.That(result.Out, Does.Contain("Imported the recipe 'Articles'"));
        Assert.That(result.Out, Does.Contain("content items: 1 created"));
        Assert.That(await store.CountItemsAsync(), Is.EqualTo(2), "the setup recipe's page and the imported article");

        var article = await store.WithStoreAsync(s => s.GetRequiredService<ContentManager>().GetAsync("article1"));
        var adminId = await store.WithStoreAsync(async s => (await s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Content.Store.User>>().FindByNameAsync("admin"))!.Id);
        Assert.That(article?.Owner, Is.EqualTo(adminId), "an import gets the administrator as its parameters");
    }

    [Test]
    public async Task Importing_on_a_set_up_store_does_not_run_setup_again()
    {
        await using var store = TestSite.Create();
        Assert.That((await store.RunAsync("import", TestSite.Recipe("article.recipe.json"), TestSite.SetupRecipe("site.recipe.json"))).ExitCode, Is.EqualTo(0));

        var again = await store.RunAsync("import", TestSite.Recipe("article.recipe.json"), TestSite.SetupRecipe("site.recipe.json"));

        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
        Assert.That(again.Error, Does.Not.Contain("Setup:"));
        Assert.That(again.Out, Does.Contain("0 created"));
        Assert.That(await store.CountItemsAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_failing_import_exits_1_naming_the_step_and_json_path_and_leaves_the_store_unchanged()
    {
        await using var store = TestSite.Create();
        Assert.That((await store.RunAsync("import", TestSite.Recipe("article.recipe.json"), TestSite.SetupRecipe("site.recipe.json"))).ExitCode, Is.EqualTo(0));
        var before = await store.SnapshotAsync();

        var result = await store.RunAsync("import", TestSite.Recipe("broken-import.recipe.json"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("import failed"));
        Assert.That(result.Error, Does.Contain("step 3 (content)"));
        Assert.That(result.Error, Does.Contain("steps[2].Data[1]"));
        Assert.That(result.Out, Is.Empty);
        Assert.That(await store.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_recipe_file_that_does_not_exist_exits_1_with_its_full_path()
    {
        await using var store = TestSite.Create();
        var result = await store.RunAsync("import", "no-such.recipe.json", TestSite.SetupRecipe("empty.recipe.json"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain(Path.Combine(Environment.CurrentDirectory, "no-such.recipe.json")),
            "a relative path is taken from the current directory");
    }

    [TestCase("frobnicate")]
    [TestCase("import")]
    [TestCase("import", "--OneDigital:DataDir=x")]
    [TestCase("export", "--out")]
    public async Task An_unknown_verb_or_missing_argument_prints_the_usage_and_exits_1(params string[] args)
    {
        var console = new CapturedConsole();
        var exitCode = await OneDigitalHost.RunAsync(args, console.Host);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(console.Error, Does.Contain("error: "));
        Assert.That(console.Error, Does.Contain("Usage:"));
        Assert.That(console.Out, Is.Empty);
    }

    [Test]
    public async Task Help_prints_the_usage_and_exits_0()
    {
        var console = new CapturedConsole();
        Assert.That(await OneDigitalHost.RunAsync(["help"], console.Host), Is.EqualTo(0));
        Assert.That(console.Out, Does.Contain("import <recipe.json>"));
    }

    [Test]
    public async Task Export_writes_a_recipe_that_imports_into_a_fresh_store_with_the_same_types_and_items()
    {
        await using var source = TestSite.Create();
        Assert.That((await source.RunAsync("import", TestSite.Recipe("article.recipe.json"), TestSite.SetupRecipe("site.recipe.json"))).ExitCode, Is.EqualTo(0));
        // A draft over the published article: both versions belong in the export.
        await source.WithStoreAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var draft = (await manager.GetAsync("article1", VersionOptions.DraftRequired))!;
            draft.Part("Article")!["Number"] = JsonNode.Parse("""{ "Value": 11000 }""");
            await manager.UpdateAsync(draft);
            return true;
        });
        var exportPath = Path.Combine(source.DataDir, "exports", "site.recipe.json");
        var export = await source.RunAsync("export", "--out", exportPath);
        Assert.That(export.ExitCode, Is.EqualTo(0), export.ToString());

        await using var target = TestSite.Create();
        var import = await target.RunAsync("import", exportPath, TestSite.SetupRecipe("empty.recipe.json"));
        Assert.That(import.ExitCode, Is.EqualTo(0), import.ToString());

        var (sourceTypes, sourceItems) = await ReadAsync(source);
        var (targetTypes, targetItems) = await ReadAsync(target);
        Assert.That(targetTypes, Is.EqualTo(sourceTypes));
        Assert.That(targetTypes, Does.Contain("Page").And.Contain("Article"));
        Assert.That(targetItems, Is.EqualTo(sourceItems));
        Assert.That(targetItems, Has.Count.EqualTo(3), "the page, and the article's published version and its draft");
        Assert.That(targetItems, Has.Some.Contains("article1|True|False|11000"));
        Assert.That(targetItems, Has.Some.Contains("article1|False|True|1179"));

        // A second export of the copy is the same recipe as the first.
        var exportAgain = await target.RunAsync("export");
        Assert.That(exportAgain.Out.Trim(), Is.EqualTo((await File.ReadAllTextAsync(exportPath)).Trim()));
    }

    [Test]
    public async Task Export_to_standard_output_is_nothing_but_the_recipe_even_when_setup_runs_first()
    {
        await using var store = TestSite.Create();
        var result = await store.RunAsync("export", TestSite.SetupRecipe("site.recipe.json"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var recipe = JsonNode.Parse(result.Out)!.AsObject();
        var steps = recipe["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.That(steps.Select(s => s["name"]!.GetValue<string>()), Is.SupersetOf(new[] { "ContentDefinition", "content", "Roles" }));
        var definitions = steps.Single(s => s["name"]!.GetValue<string>() == "ContentDefinition");
        Assert.That(definitions["ContentTypes"]![0]!["ContentTypePartDefinitionRecords"], Is.Not.Null, "definitions keep Orchard's stored shape");
        Assert.That(result.Error, Does.Contain("generated password"), "setup still tells the administrator's password, on standard error");
    }

    [Test]
    public async Task The_built_program_exports_from_its_own_process()
    {
        await using var store = TestSite.Create();
        var program = Path.Combine(TestContext.CurrentContext.TestDirectory, "OneDigital.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { program, "export", $"--OneDigital:DataDir={store.DataDir}", TestSite.SetupRecipe("empty.recipe.json") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.That(process.ExitCode, Is.EqualTo(0), await error);
        Assert.That(JsonNode.Parse(await output)?["steps"], Is.Not.Null);
    }

    /// <summary>The type names, and each latest or published version as "id|latest|published|number|type|text|version id".</summary>
    private static Task<(List<string> Types, List<string> Items)> ReadAsync(TestSite store) => store.WithStoreAsync(async s =>
    {
        var definitions = await s.GetRequiredService<ContentDefinitionStore>().GetAsync();
        var db = s.GetRequiredService<ContentDbContext>();
        var records = await db.ContentItems.Where(r => r.Latest || r.Published).OrderBy(r => r.ContentItemVersionId).ToListAsync();
        var items = records.ConvertAll(r =>
        {
            var item = ContentItemStore.ToItem(r);
            var number = item.Part("Article")?["Number"]?["Value"]?.ToString() ?? "";
            return $"{item.ContentItemId}|{item.Latest}|{item.Published}|{number}|{item.ContentType}|{item.DisplayText}|{item.ContentItemVersionId}";
        });
        return (definitions.ContentTypes.Select(t => t.Name).Order().ToList(), items);
    });
}
