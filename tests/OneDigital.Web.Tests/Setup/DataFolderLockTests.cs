using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Setup;

/// <summary>One process per data folder: a second site stops at once; the verbs that can run beside a site still do.</summary>
public sealed class DataFolderLockTests
{
    [Test]
    public async Task A_site_started_on_a_data_folder_another_process_holds_exits_at_once_naming_the_folder_and_its_pid()
    {
        await using var store = TestSite.Create();
        using var other = OtherProcess.HoldsDataFolder(store.DataDir, 4242);

        var started = DateTime.UtcNow;
        var result = await store.RunAsync("--urls=http://127.0.0.1:0", TestSite.SetupRecipe("empty.recipe.json"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain(Path.GetFullPath(store.DataDir)).And.Contain("pid 4242"), result.ToString());
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(10)), "it does not wait for the folder");
        Assert.That(File.Exists(Path.Combine(store.DataDir, "onedigital.db")), Is.False, "it stops before it opens the store");
    }

    [Test]
    public async Task A_site_starts_once_the_other_process_has_let_go_of_the_folder()
    {
        await using var store = TestSite.Create();
        using (OtherProcess.HoldsDataFolder(store.DataDir, 4242))
        {
        }

        await using var site = await store.StartAsync(TestSite.SetupRecipe("empty.recipe.json"));
        await site.SetupCompletion;

        Assert.That(File.ReadAllText(Path.Combine(store.DataDir, "onedigital.pid")).Trim(), Is.EqualTo(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task The_index_verb_beside_a_site_in_another_process_queues_its_work_and_leaves_the_index_files_alone()
    {
        await using var store = TestSite.Create();
        Assert.That((await store.RunAsync("export")).ExitCode, Is.EqualTo(0), "set up with the default recipe, which has the Search index");
        var lucene = Path.Combine(store.DataDir, "Lucene");
        var before = Directory.Exists(lucene) ? Directory.GetFiles(lucene, "*", SearchOption.AllDirectories).Length : 0;
        using var site = OtherProcess.HoldsDataFolder(store.DataDir, 4242);

        var result = await store.RunAsync("index", "rebuild", "--all");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("held by a running site (pid 4242)").And.Contain("queued"), result.ToString());
        var after = Directory.Exists(lucene) ? Directory.GetFiles(lucene, "*", SearchOption.AllDirectories).Length : 0;
        Assert.That(after, Is.EqualTo(before), "no index was opened or written");
    }

    [Test]
    public async Task A_CLI_import_beside_a_site_in_another_process_still_runs()
    {
        await using var store = TestSite.Create();
        Assert.That((await store.RunAsync("export", TestSite.SetupRecipe("empty.recipe.json"))).ExitCode, Is.EqualTo(0), "set up");
        using var site = OtherProcess.HoldsDataFolder(store.DataDir, 4242);

        var result = await store.RunAsync("import", TestSite.Recipe("article.recipe.json"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(await store.CountItemsAsync(), Is.GreaterThan(0));
    }
}
