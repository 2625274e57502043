using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;
using OneDigital.Web.Tests.Support;
using OpenIddict.EntityFrameworkCore.Models;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Auth;

/// <summary>One site for the fixture: set up by the partners recipe, with one more application added by the CLI.</summary>
public sealed class TokenEndpointTests
{
    private TestSite _store = null!;
    private RunningSite _site = null!;

    private HttpClient Http => _site.Http;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        var added = await _store.RunAsync(["apps", "add", "--client-id", "cli-site", "--client-secret", "cli-secret-0123456789", "--roles", "partnerreader, Viewer",
            "--display-name", "CLI site", TestSite.SetupRecipe(Recipe), .. SiteSettings]);
        Assert.That(added.ExitCode, Is.EqualTo(0), added.ToString());
        Assert.That(added.Out, Does.Contain("Registered the application 'cli-site'"));
        _site = await _store.StartAsync(SiteSettings);
        await _site.SetupCompletion;
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Test]
    public async Task An_application_from_the_recipe_gets_a_bearer_token_that_expires_after_the_default_hour()
    {
        var token = await TokenResponseAsync(Http, "reader-site", ReaderSecret);

        Assert.That((string?)token["token_type"], Is.EqualTo("Bearer"));
        Assert.That((string?)token["access_token"], Is.Not.Empty);
        Assert.That((int)token["expires_in"]!, Is.InRange(3590, 3600), "seconds left, rounded down");
        var claims = Payload((string)token["access_token"]!);
        Assert.That((long)claims["exp"]! - (long)claims["iat"]!, Is.EqualTo(3600));
        Assert.That((string?)claims["sub"], Is.EqualTo("reader-site"));
        Assert.That(claims["role"]?.ToJsonString(), Is.EqualTo("\"PartnerReader\"").Or.EqualTo("""["PartnerReader"]"""));
    }

    /// <summary>The claims of a signed JWT (header.payload.signature).</summary>
    private static JsonObject Payload(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonNode.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')))!.AsObject();
    }

    [TestCase("reader-site", "reader-secret", HttpStatusCode.Unauthorized, "invalid_client", Description = "the recipe's fallback, not the configured secret")]
    [TestCase("nobody-site", "anything", HttpStatusCode.Unauthorized, "invalid_client", Description = "a client that was never registered")]
    [TestCase("reader-site", "", HttpStatusCode.BadRequest, "invalid_request", Description = "no secret")]
    public async Task A_wrong_secret_or_unknown_client_is_refused_with_OpenIddicts_error_json(string clientId, string secret, HttpStatusCode status, string code)
    {
        var response = await RequestTokenAsync(Http, clientId, secret);
        var error = await JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That((string?)error["error"], Is.EqualTo(code), error.ToJsonString());
        Assert.That((string?)error["error_description"], Is.Not.Empty);
        Assert.That((string?)error["error_uri"], Does.StartWith("https://documentation.openiddict.com/errors/"));
        Assert.That(error.ContainsKey("access_token"), Is.False);
    }

    [Test]
    public async Task Only_the_client_credentials_grant_is_served()
    {
        var response = await RequestTokenAsync(Http, "editor-site", "editor-secret-0123456789", grantType: "password");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)(await JsonAsync(response))["error"], Is.EqualTo("unsupported_grant_type"));
    }

    [Test]
    public async Task Client_secrets_are_stored_hashed()
    {
        var secrets = await _store.WithStoreAsync(s =>
            s.GetRequiredService<ContentDbContext>().Set<OpenIddictEntityFrameworkCoreApplication>().Select(a => a.ClientSecret).ToListAsync());

        Assert.That(secrets, Has.Count.EqualTo(4));
        Assert.That(secrets, Has.None.Contains("secret"));
    }

    [Test]
    public async Task Each_application_gets_exactly_the_permissions_of_its_roles()
    {
        var reader = await TokenAsync(Http, "reader-site", ReaderSecret);
        var editor = await TokenAsync(Http, "editor-site", "editor-secret-0123456789");
        var viewer = await TokenAsync(Http, "viewer-site", "viewer-secret-0123456789");
        const string draft = """{ "ContentType": "Article", "TitlePart": { "Title": "Try" }, "Article": { "Summary": { "Text": "s" } } }""";

        async Task<HttpStatusCode> Status(HttpMethod method, string uri, string? token, string? json = null) =>
            (await SendAsync(Http, method, uri, token, json)).StatusCode;

        Assert.Multiple(async () =>
        {
            Assert.That(await Status(HttpMethod.Get, "/api/content/article1", reader), Is.EqualTo(HttpStatusCode.OK), "PartnerReader: AccessContentApi + ViewContent");
            Assert.That(await Status(HttpMethod.Post, "/api/content?draft=true", reader, draft), Is.EqualTo(HttpStatusCode.Forbidden), "PartnerReader may not publish");
            Assert.That(await Status(HttpMethod.Delete, "/api/content/article1", reader), Is.EqualTo(HttpStatusCode.Forbidden), "PartnerReader may not delete");
            Assert.That(await Status(HttpMethod.Get, "/api/content/article1", viewer), Is.EqualTo(HttpStatusCode.Forbidden), "Viewer lacks AccessContentApi");
            Assert.That(await Status(HttpMethod.Get, "/api/content/article1", null), Is.EqualTo(HttpStatusCode.Unauthorized), "anonymous");
            Assert.That(await Status(HttpMethod.Post, "/api/content?draft=true", editor, draft), Is.EqualTo(HttpStatusCode.OK), "PartnerEditor may publish");
        });
    }

    [Test]
    public async Task A_token_that_is_not_one_of_ours_answers_401_even_where_anonymous_callers_would_get_in()
    {
        var response = await SendAsync(Http, HttpMethod.Get, "/api/content/article1", "not-a-token");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [Test]
    public async Task An_application_registered_with_the_CLI_gets_a_token_carrying_its_roles()
    {
        var token = await TokenAsync(Http, "cli-site", "cli-secret-0123456789");
        var response = await SendAsync(Http, HttpMethod.Get, "/api/content/article1", token);
        var list = await _store.RunAsync("apps", "list");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "PartnerReader's permissions");
        Assert.That(list.ExitCode, Is.EqualTo(0), list.ToString());
        Assert.That(list.Out, Does.Contain("cli-site\tCLI site\tconfidential\troles: PartnerReader,Viewer"), "role names are stored as the roles spell them");
        Assert.That(list.Out, Does.Contain("reader-site\tReader site\tconfidential\troles: PartnerReader"));
        Assert.That(list.Out, Does.Not.Contain("secret"));
    }

    [Test]
    public async Task Applications_added_and_removed_by_the_CLI_while_the_site_runs_take_effect_at_once()
    {
        var added = await _store.RunAsync("apps", "add", "--client-id", "late-site", "--client-secret", "late-secret-0123456789", "--roles", "PartnerReader");
        var tokenWhileRegistered = await RequestTokenAsync(Http, "late-site", "late-secret-0123456789");
        var removed = await _store.RunAsync("apps", "remove", "--client-id", "late-site");
        var tokenAfterRemoval = await RequestTokenAsync(Http, "late-site", "late-secret-0123456789");
        var removedAgain = await _store.RunAsync("apps", "remove", "--client-id", "late-site");

        Assert.That(added.ExitCode, Is.EqualTo(0), added.ToString());
        Assert.That(tokenWhileRegistered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(removed.ExitCode, Is.EqualTo(0), removed.ToString());
        Assert.That(removed.Out, Does.Contain("Removed the application 'late-site'"));
        Assert.That(tokenAfterRemoval.IsSuccessStatusCode, Is.False);
        Assert.That(removedAgain.ExitCode, Is.EqualTo(1));
        Assert.That(removedAgain.Error, Does.Contain("There is no application 'late-site'"));
    }

    [Test]
    public async Task Registering_with_an_unknown_role_fails_clearly_and_writes_nothing()
    {
        var before = (await _store.RunAsync("apps", "list")).Out;

        var cli = await _store.RunAsync("apps", "add", "--client-id", "stray-site", "--client-secret", "s", "--roles", "PartnerReader,NoSuchRole");
        var recipe = await _store.RunAsync("import", TestSite.Recipe("partner-unknown-role.recipe.json"));

        Assert.That(cli.ExitCode, Is.EqualTo(1), cli.ToString());
        Assert.That(cli.Error, Does.Contain("The role 'NoSuchRole' does not exist"));
        Assert.That(recipe.ExitCode, Is.EqualTo(1), recipe.ToString());
        Assert.That(recipe.Error, Does.Contain("step 1 (OpenIdApplication)"));
        Assert.That(recipe.Error, Does.Contain("steps[0].RoleEntries"));
        Assert.That(recipe.Error, Does.Contain("The role 'NoSuchRole' does not exist"));
        Assert.That((await _store.RunAsync("apps", "list")).Out, Is.EqualTo(before));
    }

    [Test]
    public async Task Orchards_OpenID_settings_steps_are_accepted_and_what_is_not_served_is_reported()
    {
        var result = await _store.RunAsync("import", TestSite.Recipe("openid-settings.recipe.json"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("TokenEndpointPath: the token endpoint is /connect/token here, not '/oauth/token'."));
        Assert.That(result.Out, Does.Contain("AllowPasswordFlow: not supported"));
        Assert.That(result.Out, Does.Contain("SigningCertificateThumbprint: keys are made once and kept in the store"));
        Assert.That(result.Out, Does.Contain("Authority: only tokens issued by this site's own /connect/token are accepted"));
        Assert.That(result.Out, Does.Not.Contain("Audience"), "empty settings ask for nothing");
    }

    [TestCase("apps")]
    [TestCase("apps", "add", "--client-id", "x", "--roles", "PartnerReader")]
    [TestCase("apps", "remove")]
    public async Task The_apps_verb_without_its_arguments_prints_the_usage_and_exits_1(params string[] args)
    {
        var result = await _store.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("apps add --client-id <id>"));
    }
}
