using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using OneDigital.Testing;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Setup;

/// <summary>
/// Setup runs only where the data folder has never held a store: the marker it leaves outside the database makes a
/// start that finds the store missing or swapped stop and say so, instead of setting up a new site over it.
/// </summary>
public sealed class StoreMarkerTests
{
    private static string MarkerPath(TestSite store) => Path.Combine(store.DataDir, "onedigital.store.json");

    private static string DatabasePath(TestSite store) => Path.Combine(store.DataDir, "onedigital.db");

    private static void DeleteDatabase(TestSite store)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(store.DataDir, "onedigital.db*"))
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Setup_leaves_a_marker_outside_the_database_naming_the_store()
    {
        await using var store = TestSite.Create();

        Assert.That((await store.RunAsync("export", TestSite.SetupRecipe("empty.recipe.json"))).ExitCode, Is.EqualTo(0));

        var marker = JsonNode.Parse(File.ReadAllText(MarkerPath(store)))!;
        Assert.That((string?)marker["StoreId"], Is.Not.Null.And.Not.Empty);
        Assert.That((string?)marker["Database"], Does.Contain(DatabasePath(store)));
    }

    [Test]
    public async Task A_start_that_finds_the_marker_but_no_database_refuses_setup_and_says_what_is_missing()
    {
        await using var store = TestSite.Create();
        Assert.That((await store.RunAsync("export", TestSite.SetupRecipe("empty.recipe.json"))).ExitCode, Is.EqualTo(0));
        DeleteDatabase(store);

        var verb = await store.RunAsync("export", TestSite.SetupRecipe("empty.recipe.json"));
        var site = await store.RunAsync("--urls=http://127.0.0.1:0", TestSite.SetupRecipe("empty.recipe.json"));

        foreach (var result in new[] { verb, site })
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Error, Does.Contain($"its database file {DatabasePath(store)} is missing").And.Contain("will not create a new site"), result.ToString());
        }
        Assert.That(File.Exists(DatabasePath(store)), Is.False, "no new store was created in its place");
    }

    [Test]
    public async Task A_start_on_a_different_store_than_the_marker_names_refuses_to_run()
    {
        await using var store = TestSite.Create();
        await using var other = TestSite.Create();
        Assert.That((await store.RunAsync("export", TestSite.SetupRecipe("empty.recipe.json"))).ExitCode, Is.EqualTo(0));
        Assert.That((await other.RunAsync("export", TestSite.SetupRecipe("empty.recipe.json"))).ExitCode, Is.EqualTo(0));
        DeleteDatabase(store);
        File.Copy(DatabasePath(other), DatabasePath(store));

        var result = await store.RunAsync("export");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("holds a different store"), result.ToString());
    }

    [Test]
    public async Task On_PostgreSQL_a_start_that_finds_the_marker_but_a_dropped_database_refuses_setup()
    {
        await using var store = TestSite.CreatePostgres();
        Assert.That((await store.RunAsync("export", TestSite.SetupRecipe("empty.recipe.json"))).ExitCode, Is.EqualTo(0));
        var database = new Npgsql.NpgsqlConnectionStringBuilder(
            store.StoreArguments.Single(a => a.StartsWith("--ConnectionStrings:Default=", StringComparison.Ordinal))["--ConnectionStrings:Default=".Length..]).Database!;
        Npgsql.NpgsqlConnection.ClearAllPools();
        await TestPostgres.DropDatabaseAsync(database);

        var result = await store.RunAsync("export", TestSite.SetupRecipe("empty.recipe.json"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain($"PostgreSQL database '{database}'").And.Contain("has never been set up").And.Contain("will not create a new site"), result.ToString());
    }

    [Test]
    public async Task A_marker_removed_on_purpose_lets_the_folder_be_set_up_again()
    {
        await using var store = TestSite.Create();
        Assert.That((await store.RunAsync("export", TestSite.SetupRecipe("empty.recipe.json"))).ExitCode, Is.EqualTo(0));
        DeleteDatabase(store);
        File.Delete(MarkerPath(store));

        var result = await store.RunAsync("export", TestSite.SetupRecipe("empty.recipe.json"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Error, Does.Contain("Setup: ran the recipe"));
    }
}
