// Why: GraphiQL in the admin must run queries as the signed-in editor and as nobody else: with the admin cookie and
// the page's antiforgery token, never with a bearer token slipped into its headers, never for a user who may not
// execute GraphQL, and through the same handler (schema, limits, permissions) as /api/graphql.
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.GraphiQL;

public sealed partial class GraphiQLEndpointTests : AdminSiteTests
{
    private const string Execute = "/admin/graphql/execute";
    private string _token = "";

    protected override async Task PrepareAsync()
    {
        await Site.CreateItemAsync("BlogPost", "Digital champions in libraries", publish: true);
        await Site.CreateItemAsync("BlogPost", "An unpublished draft post", publish: false);
        _token = TokenOf(await Admin.HtmlAsync("/admin/graphql"));
    }

    private static string TokenOf(string html) => WebUtility.HtmlDecode(DataToken().Match(html).Groups[1].Value);

    private static HttpRequestMessage Query(string query, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Execute)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Add("RequestVerificationToken", token);
        return request;
    }

    [Test]
    public async Task The_page_frames_graphiql_with_the_vendored_scripts_and_a_token_for_its_fetcher()
    {
        var html = await Admin.HtmlAsync("/admin/graphql");
        Assert.That(_token, Is.Not.Empty);
        Assert.That(html, Does.Contain("data-url=\"/admin/graphql/execute\""));
        Assert.That(html, Does.Contain("/admin/assets/lib/react/react.production.min.js?v="));
        Assert.That(html, Does.Contain("/admin/assets/lib/react-dom/react-dom.production.min.js?v="));
        Assert.That(html, Does.Contain("/admin/assets/lib/graphiql/graphiql.min.js?v="));
        Assert.That(html, Does.Contain("/admin/assets/admin/graphiql.mjs?v="));
        Assert.That(html, Does.Not.Contain("<script>"), "no inline script: the admin's CSP allows self only");
    }

    [Test]
    public async Task A_query_runs_as_the_signed_in_administrator()
    {
        using var response = await Admin.SendAsync(Query("{ blogPost { displayText } }", _token));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain("Digital champions in libraries"));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task The_introspection_query_graphiql_sends_for_its_docs_explorer_is_answered()
    {
        using var response = await Admin.SendAsync(Query("query IntrospectionQuery { __schema { queryType { name } types { name kind description fields(includeDeprecated: true) { name description args { name description type { kind name ofType { kind name ofType { kind name } } } } type { kind name ofType { kind name ofType { kind name } } } } } } }", _token));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain("\"name\":\"BlogPost\""));
        Assert.That(body, Does.Not.Contain("\"errors\""));
    }

    [Test]
    public async Task Without_the_antiforgery_token_nothing_runs()
    {
        using var response = await Admin.SendAsync(Query("{ blogPost { displayText } }", token: null));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("antiforgery"));
        Assert.That(body, Does.Not.Contain("Digital champions"));
    }

    [Test]
    public async Task A_bearer_token_in_the_headers_is_ignored_the_cookie_user_runs_the_query()
    {
        using var request = Query("{ blogPost { displayText } }", _token);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-real-token");
        using var response = await Admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an invalid bearer token would have been a 401 at /api/graphql");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Digital champions in libraries"));
    }

    [Test]
    public async Task Someone_not_signed_in_is_not_served()
    {
        using var anonymous = Site.NewClient();
        using var response = await anonymous.SendAsync(Query("{ blogPost { displayText } }", _token));

        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("Digital champions"));
    }

    [GeneratedRegex("data-token=\"([^\"]+)\"")]
    private static partial Regex DataToken();
}
