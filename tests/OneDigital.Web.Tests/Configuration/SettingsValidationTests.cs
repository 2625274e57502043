// Why: a mistyped setting must stop the site before it serves anything, with a message that names the key to fix,
// rather than surface later as odd limits or a stack trace.
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Configuration;

public sealed class SettingsValidationTests
{
    [Test]
    public async Task A_negative_graphql_limit_stops_the_site_at_start_naming_the_key()
    {
        var error = await RefusedStartAsync(beforeSetup: true, "--OneDigital:GraphQL:MaxFields=-1");

        Assert.That(error, Does.Contain("OneDigital:GraphQL:MaxFields must not be negative"));
    }

    [Test]
    public async Task Webhook_settings_that_cannot_work_stop_the_site_naming_each_key()
    {
        var error = await RefusedStartAsync(beforeSetup: false, "--OneDigital:Webhooks:MaxAttempts=0", "--OneDigital:Webhooks:Timeout=00:00:00");

        Assert.That(error, Does.Contain("OneDigital:Webhooks:MaxAttempts must be at least 1")
            .And.Contain("OneDigital:Webhooks:Timeout must be longer than zero"));
    }

    [Test]
    public async Task Search_settings_that_cannot_work_stop_the_site_naming_each_key()
    {
        var error = await RefusedStartAsync(beforeSetup: true, "--OneDigital:Search:BatchSize=0", "--OneDigital:Search:WorkerIntervalSeconds=0");

        Assert.That(error, Does.Contain("OneDigital:Search:BatchSize must be at least 1")
            .And.Contain("OneDigital:Search:WorkerIntervalSeconds must be more than zero"));
    }

    [Test]
    public async Task A_recipe_limit_below_one_stops_the_site_naming_the_key()
    {
        var error = await RefusedStartAsync(beforeSetup: true, "--OneDigital:Recipes:MaxFileBytes=-1");

        Assert.That(error, Does.Contain("OneDigital:Recipes:MaxFileBytes must be at least 1"));
    }

    [Test]
    public async Task An_unknown_database_provider_stops_the_site_before_the_store_is_chosen_naming_the_key()
    {
        var error = await RefusedStartAsync(beforeSetup: false, "--OneDigital:Database:Provider=Oracle");

        Assert.That(error, Does.Contain("OneDigital:Database:Provider must be Sqlite or Postgres, not 'Oracle'"));
    }

    /// <summary>
    /// Starts a fresh site with the settings, expects it to exit with 1 (and, when <paramref name="beforeSetup"/>, to have
    /// written no store), and returns what it printed as errors.
    /// </summary>
    private static async Task<string> RefusedStartAsync(bool beforeSetup, params string[] settings)
    {
        await using var site = TestSite.Create();

        // Bounded: a site that did start would run until stopped.
        var result = await site.RunAsync(["--urls=http://127.0.0.1:0", .. settings]).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        if (beforeSetup)
        {
            Assert.That(File.Exists(Path.Combine(site.DataDir, "onedigital.db")), Is.False, "setup did not start before the settings were checked");
        }
        return result.Error;
    }
}
