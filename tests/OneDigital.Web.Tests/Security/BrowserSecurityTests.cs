using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Web.Security;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Security;

// Partners' browser-side apps call the APIs across origins; browsers must be told who may, and every answer must
// carry the headers that stop sniffing, framing and leaking the referrer. Over real HTTP, as a browser sees it.

public sealed class BrowserSecurityTests
{
    private const string Partner = "https://partner.example";

    private TestSite _store = null!;
    private RunningSite _site = null!;

    private HttpClient Http => _site.Http;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        _site = await _store.StartAsync(
            s => s.AddContentSecurityPolicy("/api/docs", "default-src 'self'; frame-ancestors 'self'"),
            TestSite.SetupRecipe("empty.recipe.json"),
            $"--OneDigital:Cors:AllowedOrigins:0={Partner}/", "--OneDigital:Cors:AllowedOrigins:1=https://other-partner.example:8443");
        await _site.SetupCompletion;
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    private Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method = "POST", string headers = "authorization,content-type")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return Http.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    private static IEnumerable<string> CorsHeaders(HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Where(k => k.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));

    [TestCase("/api/graphql", "POST")]
    [TestCase("/api/content", "DELETE")]
    [TestCase("/api/lucene/content", "GET")]
    [TestCase("/connect/token", "POST")]
    public async Task A_preflight_from_an_allowed_origin_is_answered_204_with_what_it_may_send(string path, string method)
    {
        var response = await PreflightAsync(path, Partner, method);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(Partner));
        Assert.That(Header(response, "Access-Control-Allow-Methods"), Does.Contain(method));
        Assert.That(Header(response, "Access-Control-Allow-Headers")?.ToLowerInvariant(), Does.Contain("authorization").And.Contain("content-type"));
        Assert.That(Header(response, "Access-Control-Max-Age"), Is.EqualTo("600"));
        Assert.That(Header(response, "Access-Control-Allow-Credentials"), Is.Null, "bearer tokens, never cookies, cross origins");
    }

    [Test]
    public async Task An_origin_with_a_port_is_allowed_only_with_that_port()
    {
        var allowed = await PreflightAsync("/api/graphql", "https://other-partner.example:8443");
        var otherPort = await PreflightAsync("/api/graphql", "https://other-partner.example");

        Assert.That(Header(allowed, "Access-Control-Allow-Origin"), Is.EqualTo("https://other-partner.example:8443"));
        Assert.That(CorsHeaders(otherPort), Is.Empty);
    }

    [TestCase("https://attacker.example")]
    [TestCase("http://partner.example", Description = "the same host over plain http is another origin")]
    [TestCase("null", Description = "a sandboxed frame or a file: page")]
    public async Task A_preflight_from_any_other_origin_gets_no_CORS_headers(string origin)
    {
        var response = await PreflightAsync("/api/graphql", origin);

        Assert.That(CorsHeaders(response), Is.Empty);
    }

    [Test]
    public async Task A_preflight_asking_for_a_header_the_APIs_do_not_read_is_not_granted_it()
    {
        var response = await PreflightAsync("/api/graphql", Partner, headers: "x-custom-header");

        Assert.That(Header(response, "Access-Control-Allow-Headers")?.ToLowerInvariant() ?? "", Does.Not.Contain("x-custom-header"));
    }

    [Test]
    public async Task A_cross_origin_API_answer_names_the_origin_and_exposes_the_ETag_and_Retry_After()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/graphql?query={__typename}");
        request.Headers.Add("Origin", Partner);
        var response = await Http.SendAsync(request);

        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(Partner));
        Assert.That(Header(response, "Access-Control-Expose-Headers"), Does.Contain("ETag").And.Contain("Retry-After"));
        Assert.That(Header(response, "Vary"), Does.Contain("Origin"), "shared caches keep one answer per origin");
    }

    [Test]
    public async Task Pages_outside_the_APIs_are_not_opened_to_other_origins()
    {
        var response = await PreflightAsync("/health", Partner, "GET");

        Assert.That(CorsHeaders(response), Is.Empty);
    }

    [TestCase("GET", "/health", Description = "200")]
    [TestCase("GET", "/api/graphql?query={__typename}", Description = "an API answer")]
    [TestCase("GET", "/api/content/nothing-here", Description = "401")]
    [TestCase("POST", "/connect/token", Description = "an OpenIddict error")]
    [TestCase("GET", "/api/no-such-page", Description = "404 with no body")]
    [TestCase("OPTIONS", "/api/graphql", Description = "a preflight")]
    public async Task Every_response_carries_the_security_headers_and_no_Server_header(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "OPTIONS")
        {
            request.Headers.Add("Origin", Partner);
            request.Headers.Add("Access-Control-Request-Method", "POST");
        }
        var response = await Http.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("no-referrer"));
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
            Assert.That(Header(response, "Content-Security-Policy"), Is.EqualTo(ContentSecurityPolicyOptions.Api));
            Assert.That(Header(response, "Content-Security-Policy"), Does.StartWith("default-src 'none'").And.Contain("frame-ancestors 'none'"));
            Assert.That(Header(response, "Server"), Is.Null);
            Assert.That(Header(response, "Strict-Transport-Security"), Is.Null, "plain http");
        });
    }

    [Test]
    public async Task Pages_under_a_path_that_declared_its_own_policy_get_that_policy()
    {
        var page = await Http.GetAsync("/api/docs/about");
        var deeper = await Http.GetAsync("/api/docs/about/team");
        var lookalike = await Http.GetAsync("/api/docsandmore");

        Assert.That(Header(page, "Content-Security-Policy"), Is.EqualTo("default-src 'self'; frame-ancestors 'self'"));
        Assert.That(Header(deeper, "Content-Security-Policy"), Is.EqualTo("default-src 'self'; frame-ancestors 'self'"));
        Assert.That(Header(lookalike, "Content-Security-Policy"), Is.EqualTo(ContentSecurityPolicyOptions.Api), "a prefix is a whole path segment");
    }

    [Test]
    public async Task A_site_with_no_allowed_origins_opens_the_APIs_to_no_origin()
    {
        await using var store = TestSite.Create();
        await using var site = await store.StartAsync(TestSite.SetupRecipe("empty.recipe.json"));
        await site.SetupCompletion;
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/graphql");
        request.Headers.Add("Origin", Partner);
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await site.Http.SendAsync(request);

        Assert.That(CorsHeaders(response), Is.Empty);
    }

    [TestCase("partner.example", Description = "no scheme")]
    [TestCase("https://partner.example/app", Description = "a path")]
    [TestCase("ftp://partner.example", Description = "not http(s)")]
    [TestCase("*", Description = "a wildcard")]
    public async Task An_allowed_origin_that_is_not_an_origin_stops_the_start_naming_the_key(string origin)
    {
        await using var store = TestSite.Create();

        var error = Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var site = await store.StartAsync($"--OneDigital:Cors:AllowedOrigins={origin}");
        });

        Assert.That(error!.Message, Does.Contain("OneDigital:Cors:AllowedOrigins").And.Contain(origin));
        await Task.CompletedTask;
    }
}
