using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Settings;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Cli;

/// <summary>
/// The CLI import on SQLite runs against a private copy of the store: the site's writes go on while it runs, and a
/// process killed mid-import leaves nothing of it behind.
/// </summary>
public sealed class ImportCliTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Test]
    public async Task An_import_reports_how_long_it_held_the_stores_write_lock_and_leaves_no_copy_behind()
    {
        await using var store = TestSite.Create();

        var result = await store.RunAsync("import", TestSite.Recipe("article.recipe.json"), TestSite.SetupRecipe("site.recipe.json"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("content items: 1 created").And.Match(@"the store's write lock was held for \d+ ms"));
        Assert.That(Directory.GetFiles(Path.Combine(store.DataDir, "Imports")), Is.Empty);
    }

    [Test]
    public async Task A_long_import_prints_its_progress_every_thousand_items_and_a_short_one_prints_none()
    {
        await using var store = TestSite.Create();
        var small = await store.RunAsync("import", TestSite.Recipe("article.recipe.json"), TestSite.SetupRecipe("site.recipe.json"));
        var recipe = Path.Combine(store.DataDir, "long.recipe.json");
        await File.WriteAllTextAsync(recipe, LongRecipe(2_000));

        var large = await store.RunAsync("import", recipe);

        Assert.That((small.ExitCode, large.ExitCode), Is.EqualTo((0, 0)), large.ToString());
        Assert.That(small.Out, Does.Not.Contain("items/s"));
        Assert.That(large.Out, Does.Match(@"1,000 of 2,000 items, [\d,]+ items/s, about \d\d:\d\d:\d\d left")
            .And.Contain("2,000 of 2,000 items").And.Contain("content items: 2000 created"));
    }

    [Test]
    public async Task A_site_write_during_a_long_import_succeeds_and_killing_the_import_leaves_nothing_of_it()
    {
        await using var store = TestSite.Create();
        Assert.That((await store.RunAsync("import", TestSite.Recipe("article.recipe.json"), TestSite.SetupRecipe("site.recipe.json"))).ExitCode, Is.EqualTo(0));
        var recipe = Path.Combine(store.DataDir, "long.recipe.json");
        await File.WriteAllTextAsync(recipe, LongRecipe(20_000));
        var before = await store.SnapshotAsync();

        using var import = StartImport(store, recipe);
        try
        {
            // The copy's write-ahead log appears once the import writes its first step.
            await WaitUntilAsync(() => Directory.Exists(Path.Combine(store.DataDir, "Imports"))
                && Directory.GetFiles(Path.Combine(store.DataDir, "Imports"), "*.db-wal").Length > 0, import);
            Assert.That(await store.SnapshotAsync(), Is.EqualTo(before), "nothing is visible while the import runs");

            var clock = Stopwatch.StartNew();
            await store.WithStoreAsync(async s =>
            {
                var settings = s.GetRequiredService<SiteSettingsStore>();
                var values = await settings.GetAsync();
                values["Written"] = "by the site during the import";
                await settings.SaveAsync(values);
                return true;
            });
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the site's write did not wait for the import");
            Assert.That(import.HasExited, Is.False, "the import was still running when the site wrote");
        }
        finally
        {
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();
        }

        var after = await store.SnapshotAsync();
        Assert.That(after, Does.Contain("by the site during the import"));
        Assert.That(after, Does.Not.Contain("Long 0"), "nothing of the killed import is in the store");
        // The next import clears the copy the killed process left.
        var next = await store.RunAsync("import", TestSite.Recipe("article.recipe.json"));
        Assert.That(next.ExitCode, Is.EqualTo(0), next.ToString());
        Assert.That(Directory.GetFiles(Path.Combine(store.DataDir, "Imports")), Is.Empty);
    }

    private static Process StartImport(TestSite store, string recipe)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(TestContext.CurrentContext.TestDirectory, "OneDigital.Web.dll"), "import", recipe, $"--OneDigital:DataDir={store.DataDir}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process import)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (import.HasExited) Assert.Fail($"the import exited ({import.ExitCode}) before it was seen running");
            if (clock.Elapsed > Deadline) Assert.Fail("the import did not start writing its copy within the deadline");
            await Task.Delay(20);
        }
    }

    private static string LongRecipe(int count)
    {
        var data = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            data.Add(new JsonObject
            {
                ["ContentItemId"] = $"long{i}",
                ["ContentType"] = "Article",
                ["Latest"] = true,
                ["Published"] = true,
                ["TitlePart"] = new JsonObject { ["Title"] = $"Long {i}" },
                ["Article"] = new JsonObject { ["Number"] = new JsonObject { ["Value"] = i } },
            });
        }
        var recipe = new JsonObject
        {
            ["name"] = "Long",
            ["steps"] = new JsonArray(
                new JsonObject { ["name"] = "settings", ["SiteName"] = "Long" },
                new JsonObject { ["name"] = "content", ["Data"] = data }),
        };
        return recipe.ToJsonString();
    }
}
