using System.Net;
using System.Text.Json.Nodes;
using OneDigital.Testing;
using OneDigital.Web.Tests.GraphQL.Support;
using OneDigital.Web.Tests.Support;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Search;

/// <summary>
/// Orchard's blog set up from its recipe, then its Lucene search and query recipes imported by the command line while
/// the site runs: the stored RecentBlogPosts query answers through the Queries API and GraphQL, and the Lucene API
/// keeps to its permission and explains a bad query.
/// </summary>
public sealed class QueriesApiTests
{
    private static readonly string Administrator = TestApiAuthentication.Bearer("Administrator");

    private TestSite _store = null!;
    private RunningSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        var blog = RecipeRunner.OrchardRecipe("blog.recipe.json");
        var search = RecipeRunner.OrchardRecipe("blog.lucene.search.recipe.json");
        var query = RecipeRunner.OrchardRecipe("blog.lucene.query.recipe.json");
        _store = TestSite.Create();
        _site = await _store.StartAsync(TestApiAuthentication.Register, $"--OneDigital:Setup:Recipe={blog}");
        await _site.SetupCompletion;
        foreach (var recipe in new[] { search, query })
        {
            var imported = await _store.RunAsync("import", recipe);
            Assert.That(imported.ExitCode, Is.Zero, imported.ToString());
        }
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        // Null when the Orchard recipes are absent and the fixture was skipped before it started anything.
        if (_site is not null) await _site.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string uri, string? authorization, string? json = null)
    {
        var request = new HttpRequestMessage(method, uri);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return _site.Http.SendAsync(request);
    }

    /// <summary>The query's answer once the site's index worker has caught up with the imported posts.</summary>
    private async Task<JsonObject> RecentBlogPostsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await Send(HttpMethod.Get, "/api/queries/RecentBlogPosts", Administrator);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && JsonNode.Parse(body) is JsonObject json && json["items"] is JsonArray { Count: > 0 })
            {
                return json;
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"RecentBlogPosts never answered items: {(int)response.StatusCode} {body}");
            await Task.Delay(100);
        }
    }

    [Test]
    public async Task Recent_blog_posts_answer_newest_first_through_the_queries_api_and_graphql()
    {
        var answer = await RecentBlogPostsAsync();
        var items = answer["items"]!.AsArray();
        var titles = items.Select(i => (string)i!["DisplayText"]!).ToList();

        Assert.That((int)answer["count"]!, Is.GreaterThanOrEqualTo(items.Count));
        Assert.That(items.Select(i => (string)i!["ContentType"]!), Is.All.EqualTo("BlogPost"));
        Assert.That(items.Select(i => DateTime.Parse((string)i!["CreatedUtc"]!, System.Globalization.CultureInfo.InvariantCulture)), Is.Ordered.Descending);

        var graphql = await _site.Http.GraphQLPostAsync("{ RecentBlogPosts { displayText publishedUtc } }", authorization: Administrator);
        Assert.That(graphql.Status, Is.EqualTo(HttpStatusCode.OK), graphql.ToString());
        Assert.That(graphql.ErrorMessages, Is.Empty, graphql.ToString());
        Assert.That(graphql.Json!["data"]!["RecentBlogPosts"]!.AsArray().Select(p => (string)p!["displayText"]!), Is.EqualTo(titles));
    }

    [Test]
    public async Task The_lucene_api_refuses_anonymous_callers_with_401()
    {
        var response = await Send(HttpMethod.Get, "/api/lucene/content?indexName=Search&query=" + Uri.EscapeDataString("""{ "query": { "match_all": {} } }"""), null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_malformed_query_gets_400_with_what_is_wrong()
    {
        var response = await Send(HttpMethod.Post, "/api/lucene/content", Administrator,
            """{ "indexName": "Search", "query": "{ \"query\": { \"no_such_clause\": {} } }" }""");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("no_such_clause"));
    }
}
