using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Setup;

/// <summary>Setup on PostgreSQL, where web nodes share one database (skipped unless ONEDIGITAL_TEST_POSTGRES is set).</summary>
public sealed class PostgresSetupTests
{
    [Test]
    public async Task Processes_starting_together_on_one_new_database_set_it_up_once()
    {
        await using var store = TestSite.CreatePostgres();
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => store.RunAsync("export", "--out", Path.Combine(store.DataDir, $"{Guid.NewGuid():N}.json"), TestSite.SetupRecipe("site.recipe.json")))));

        Assert.That(runs.Select(r => r.ExitCode), Is.All.EqualTo(0), string.Join("\n", runs.Select(r => r.ToString())));
        Assert.That(runs.Count(r => r.Error.Contains("generated password", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(await store.CountItemsAsync(), Is.EqualTo(1));
        Assert.That(await store.WithStoreAsync(s => s.GetRequiredService<ContentDbContext>().Users.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failing_import_leaves_a_postgres_store_unchanged()
    {
        await using var store = TestSite.CreatePostgres();
        Assert.That((await store.RunAsync("import", TestSite.Recipe("article.recipe.json"), TestSite.SetupRecipe("site.recipe.json"))).ExitCode, Is.EqualTo(0));
        var before = await store.SnapshotAsync();

        var result = await store.RunAsync("import", TestSite.Recipe("broken-import.recipe.json"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("steps[2].Data[1]"));
        Assert.That(await store.SnapshotAsync(), Is.EqualTo(before));
    }
}
