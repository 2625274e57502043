using OneDigital.Content.Partners;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Web.Auth;
using OneDigital.Web.Tests.Support;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Auth;

// Partner credentials as an attacker meets them: secrets too short to guess are refused at registration, unknown
// clients and wrong secrets look the same, guessing is throttled per client and per address, and a token dies with
// its application or its old secret on every node. Two nodes share one store, as in a farm.

[TestFixture("Sqlite")]
[TestFixture("Postgres", Description = "several nodes share PostgreSQL in a farm; skipped unless ONEDIGITAL_TEST_POSTGRES is set")]
public sealed class PartnerCredentialTests(string provider)
{
    private const string Secret = "partner-secret-0123456789";
    private const string Limits = "--OneDigital:OpenId:TokenRequestsPerClient=100";

    /// <summary>Both nodes under one public address, so each accepts the other's tokens.</summary>
    private const string Issuer = "--OneDigital:OpenId:Issuer=https://cms.example.test/";

    private TestSite _store = null!;
    private RunningSite _first = null!;
    private RunningSite _second = null!;

    [OneTimeSetUp]
    public async Task StartNodes()
    {
        _store = provider == "Postgres" ? TestSite.CreatePostgres() : TestSite.Create();
        _first = await _store.StartAsync([TestSite.SetupRecipe(Recipe), Issuer, .. SiteSettings, Limits, "--OneDigital:OpenId:TokenRequestsPerAddress=1000"]);
        await _first.SetupCompletion;
        _second = await _store.StartAsync([Issuer, .. SiteSettings, Limits, "--OneDigital:OpenId:TokenRequestsPerAddress=1000"]);
        await _second.SetupCompletion;
    }

    [OneTimeTearDown]
    public async Task StopNodes()
    {
        // Without a PostgreSQL server the set-up is ignored before any node starts: only what was made is stopped.
        if (_first is not null) await _first.DisposeAsync();
        if (_second is not null) await _second.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
    }

    private Task<CliResult> AddAsync(string clientId, string secret, string roles = "PartnerReader") =>
        _store.RunAsync("apps", "add", "--client-id", clientId, "--client-secret", secret, "--roles", roles);

    private static Task<HttpResponseMessage> GetArticleAsync(RunningSite site, string token) =>
        SendAsync(site.Http, HttpMethod.Get, "/api/content/article1", token);

    /// <summary>Another node hears of a change within StoreVersions.PollInterval: the status is awaited with a deadline.</summary>
    private static async Task<HttpResponseMessage> GetArticleUntilAsync(RunningSite site, string token, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await GetArticleAsync(site, token);
            if (response.StatusCode == expected || DateTime.UtcNow > deadline) return response;
            await Task.Delay(50);
        }
    }

    [TestCase("short-secret", "it has 12 characters")]
    [TestCase("aaaaaaaaaaaaaaaaaaaaaaaa", "it has only 1 different characters")]
    [TestCase("abababab12121212", "it has only 4 different characters")]
    public async Task Apps_add_refuses_a_weak_secret_naming_the_rule_and_writes_nothing(string secret, string why)
    {
        var result = await AddAsync("weak-site", secret);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("The client secret of 'weak-site' is too weak: " + why));
        Assert.That(result.Error, Does.Contain("at least 16 characters, of at least 8 different characters"));
        Assert.That((await _store.RunAsync("apps", "list")).Out, Does.Not.Contain("weak-site"));
    }

    [Test]
    public async Task The_OpenIdApplication_step_refuses_a_weak_secret_naming_the_step_and_the_property()
    {
        var recipe = Path.Combine(_store.DataDir, "weak.recipe.json");
        await File.WriteAllTextAsync(recipe, """
            { "name": "weak", "steps": [ { "name": "OpenIdApplication", "ClientId": "weak-recipe-site", "Type": "Confidential",
              "ClientSecret": "secret", "AllowClientCredentialsFlow": true, "Roles": [ "PartnerReader" ] } ] }
            """);

        var result = await _store.RunAsync("import", recipe);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("step 1 (OpenIdApplication)").And.Contain("steps[0].ClientSecret"));
        Assert.That(result.Error, Does.Contain("too weak: it has 6 characters"));
    }

    [Test]
    public async Task An_unknown_client_id_and_a_wrong_secret_get_the_same_answer()
    {
        var unknown = await RequestTokenAsync(_first.Http, "no-such-site", "whatever-secret-0123456789");
        var wrong = await RequestTokenAsync(_first.Http, "reader-site", "whatever-secret-0123456789");

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(wrong.StatusCode, Is.EqualTo(unknown.StatusCode));
        Assert.That(await wrong.Content.ReadAsStringAsync(), Is.EqualTo(await unknown.Content.ReadAsStringAsync()));
        Assert.That(wrong.Headers.WwwAuthenticate.ToString(), Is.EqualTo(unknown.Headers.WwwAuthenticate.ToString()));
        Assert.That((string?)(await JsonAsync(unknown))["error_description"], Is.EqualTo(UniformClientErrors.Description));
    }

    [Test]
    public async Task An_unknown_client_id_takes_about_as_long_to_refuse_as_a_wrong_secret()
    {
        async Task<double> TimeMsAsync(string clientId, int i)
        {
            var clock = Stopwatch.StartNew();
            var response = await RequestTokenAsync(_first.Http, clientId, $"guess-{i}-abcdefghijklmnop");
            var elapsed = clock.Elapsed.TotalMilliseconds;
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            return elapsed;
        }
        for (var i = 0; i < 5; i++) await TimeMsAsync("reader-site", i); // warm-up

        // Interleaved, so a pause of the machine (a GC, the indexer, another process) falls on both sides alike.
        var wrongTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            wrongTimes.Add(await TimeMsAsync("reader-site", i));
            unknownTimes.Add(await TimeMsAsync("never-registered", i));
        }
        var wrongSecret = wrongTimes.Order().ElementAt(wrongTimes.Count / 2);
        var unknownClient = unknownTimes.Order().ElementAt(unknownTimes.Count / 2);
        TestContext.Out.WriteLine($"median: wrong secret {wrongSecret:F1} ms, unknown client {unknownClient:F1} ms");

        // A loose bound: two shared cores are noisy. A hash check skipped for unknown clients would show as a far lower time.
        Assert.That(unknownClient, Is.GreaterThan(wrongSecret * 0.5));
    }

    [Test]
    public async Task A_removed_application_s_token_is_refused_at_once_here_and_within_a_second_on_the_other_node()
    {
        Assert.That((await AddAsync("leaving-site", Secret)).ExitCode, Is.EqualTo(0));
        var token = await TokenAsync(_first.Http, "leaving-site", Secret);
        Assert.That((await GetArticleAsync(_first, token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await GetArticleUntilAsync(_second, token, HttpStatusCode.OK)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Removed through the site's own services, as an admin page would, so "at once" is this node's own write.
        await using (var scope = _first.Services.CreateAsyncScope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<OpenIdApplications>().RemoveAsync("leaving-site"), Is.True);
        }
        var here = await GetArticleAsync(_first, token);
        var there = await GetArticleUntilAsync(_second, token, HttpStatusCode.Unauthorized);

        Assert.That(here.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(here.Headers.WwwAuthenticate.ToString(), Does.Contain("invalid_token"));
        Assert.That(there.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_rotated_secret_ends_the_old_tokens_on_every_node_and_a_re_registration_with_the_same_secret_does_not()
    {
        Assert.That((await AddAsync("rotating-site", Secret)).ExitCode, Is.EqualTo(0));
        var old = await TokenAsync(_first.Http, "rotating-site", Secret);

        // Registered again on this node (as an admin page would), so this node reads the change before the next request.
        await using (var scope = _first.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OpenIdApplications>().SaveAsync(new OpenIdApplicationRegistration(
                "rotating-site", null, "Confidential", Secret, AllowClientCredentialsFlow: true, ["PartnerReader", "Viewer"]));
        }
        Assert.That((await GetArticleAsync(_first, old)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "same secret: tokens live on");

        var rotated = await AddAsync("rotating-site", "rotated-secret-9876543210");
        Assert.That(rotated.ExitCode, Is.EqualTo(0), rotated.ToString());
        var first = await GetArticleUntilAsync(_first, old, HttpStatusCode.Unauthorized);
        var second = await GetArticleUntilAsync(_second, old, HttpStatusCode.Unauthorized);
        var fresh = await TokenAsync(_second.Http, "rotating-site", "rotated-secret-9876543210");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await RequestTokenAsync(_first.Http, "rotating-site", Secret)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the old secret");
        Assert.That((await GetArticleAsync(_first, fresh)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
