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
        await SetupRaces.AssertThreeProcessesSetUpOnceAsync(store);
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
