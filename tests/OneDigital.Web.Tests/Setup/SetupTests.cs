using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Web.Setup;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Setup;

public sealed partial class SetupTests
{
    [Test]
    public async Task The_first_start_creates_the_administrator_with_the_configured_password_and_runs_the_recipe()
    {
        await using var store = TestSite.Create();
        await using (var site = await store.StartAsync(
            TestSite.SetupRecipe("site.recipe.json"),
            "--OneDigital:Setup:AdminUserName=editor-in-chief",
            "--OneDigital:Setup:AdminEmail=chief@example.org",
            "--OneDigital:Setup:AdminPassword=Correct-Horse-9",
            "--OneDigital:Setup:SiteName=Community of Practice"))
        {
            await site.SetupCompletion;
            Assert.That(site.Console.Out, Does.Contain("created the administrator 'editor-in-chief' with the configured password"));
            Assert.That(site.Console.Out, Does.Contain("content items: 1 created"), "the recipe's report is printed");
            Assert.That(site.Console.Out, Does.Not.Contain("Correct-Horse-9"));
        }

        var (admin, passwordWorks, roles, page) = await store.WithStoreAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<User>>();
            var admin = await users.FindByNameAsync("editor-in-chief");
            Assert.That(admin, Is.Not.Null);
            var db = s.GetRequiredService<ContentDbContext>();
            var record = await db.ContentItems.SingleAsync(r => r.ContentType == "Page");
            return (admin!, await users.CheckPasswordAsync(admin!, "Correct-Horse-9"), await users.GetRolesAsync(admin!), ContentItem.Parse(record.Document));
        });
        Assert.That(passwordWorks, Is.True);
        Assert.That(roles, Is.EqualTo(new[] { BuiltInRoles.Administrator }));
        Assert.That(admin.Email, Is.EqualTo("chief@example.org"));
        // The recipe's parameters are the administrator setup created and the configured site name.
        Assert.That(page.Owner, Is.EqualTo(admin.Id));
        Assert.That(page.Author, Is.EqualTo("editor-in-chief"));
        Assert.That(page.Part("Page")?["Summary"]?["Text"]?.GetValue<string>(), Is.EqualTo("Community of Practice"));
    }

    [Test]
    public async Task A_generated_password_is_printed_once_and_a_second_start_does_not_run_setup_again()
    {
        await using var store = TestSite.Create();
        string password;
        await using (var first = await store.StartAsync(TestSite.SetupRecipe("site.recipe.json")))
        {
            await first.SetupCompletion;
            var match = GeneratedPasswordLine().Match(first.Console.Out);
            Assert.That(match.Success, Is.True, first.Console.Out);
            password = match.Groups["password"].Value;
        }
        var afterFirst = await store.SnapshotAsync();

        await using (var second = await store.StartAsync(TestSite.SetupRecipe("site.recipe.json")))
        {
            await second.SetupCompletion;
            Assert.That((await second.Http.GetAsync("/health")).IsSuccessStatusCode, Is.True);
            Assert.That(second.Console.Out, Does.Not.Contain("Setup:"));
            Assert.That(second.Console.Out, Does.Not.Contain(password));
        }

        // Not one row changed: the recipe (which stamps its item with a new uuid each run) did not run again.
        Assert.That(await store.SnapshotAsync(), Is.EqualTo(afterFirst));
        var works = await store.WithStoreAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<User>>();
            Assert.That(await users.Users.CountAsync(), Is.EqualTo(1));
            return await users.CheckPasswordAsync((await users.FindByNameAsync("admin"))!, password);
        });
        Assert.That(works, Is.True, "the printed password is the administrator's");
    }

    [Test]
    public async Task A_failing_setup_recipe_leaves_an_empty_store_and_the_site_exits_with_the_step_and_json_path()
    {
        await using var store = TestSite.Create();
        var result = await store.RunAsync("--urls=http://127.0.0.1:0", TestSite.SetupRecipe("failing-setup.recipe.json"),
            "--OneDigital:Setup:AdminPassword=Correct-Horse-9");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("Setup failed"));
        Assert.That(result.Error, Does.Contain("step 2 (content)"));
        Assert.That(result.Error, Does.Contain("steps[1].Data[1].ContentType"));
        await AssertEmptyAsync(store);
    }

    [Test]
    public async Task A_password_that_breaks_the_rules_stops_setup_before_anything_is_written()
    {
        await using var store = TestSite.Create();
        var result = await store.RunAsync("export", TestSite.SetupRecipe("site.recipe.json"), "--OneDigital:Setup:AdminPassword=short");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("The administrator account cannot be created"));
        Assert.That(result.Error, Does.Contain("OneDigital:Setup:AdminPassword"));
        await AssertEmptyAsync(store);
    }

    [Test]
    public async Task A_missing_setup_recipe_is_named_in_the_error()
    {
        await using var store = TestSite.Create();
        var missing = Path.Combine(store.DataDir, "nowhere.recipe.json");
        var result = await store.RunAsync("export", $"--OneDigital:Setup:Recipe={missing}");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain(missing));
        await AssertEmptyAsync(store);
    }

    [Test]
    public async Task Two_processes_starting_on_one_empty_store_set_it_up_once()
    {
        await using var store = TestSite.Create();
        await SetupRaces.AssertThreeProcessesSetUpOnceAsync(store);
    }

    [Test]
    public void A_relative_setup_recipe_path_resolves_from_the_current_directory_and_the_default_from_the_app()
    {
        var given = Settings(Configuration(("OneDigital:Setup:Recipe", "recipes/mine.recipe.json")));
        var fallback = Settings(Configuration());

        Assert.That(given.RecipePath, Is.EqualTo(Path.Combine(Environment.CurrentDirectory, "recipes", "mine.recipe.json")));
        Assert.That(fallback.RecipePath, Is.EqualTo(Path.Combine(AppContext.BaseDirectory, "recipes", "onedigital.recipe.json")));
        Assert.That(fallback.AdminUserName, Is.EqualTo("admin"));
    }

    private static SetupOptions Settings(IConfiguration configuration) =>
        new ServiceCollection().AddSingleton(configuration).AddSiteSetup().BuildServiceProvider().GetRequiredService<SetupOptions>();

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build();

    private static async Task AssertEmptyAsync(TestSite store)
    {
        var counts = await store.WithStoreAsync(async s =>
        {
            var db = s.GetRequiredService<ContentDbContext>();
            return (Items: await db.ContentItems.CountAsync(), Documents: await db.Documents.CountAsync(), Users: await db.Users.CountAsync(), Roles: await db.Roles.CountAsync());
        });
        Assert.That(counts, Is.EqualTo((0, 0, 0, 0)));
    }

    [GeneratedRegex(@"generated password: (?<password>\S+)")]
    private static partial Regex GeneratedPasswordLine();
}
