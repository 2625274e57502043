using System.Net;
using System.Text.Json.Nodes;
using OneDigital.Web.Tests.GraphQL.Support;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Search;

/// <summary>Orchard's SQL queries over HTTP: run by /api/queries/{name} and as GraphQL fields; refused SQL is a 400.</summary>
public sealed class SqlQueriesApiTests
{
    private static readonly string Administrator = TestApiAuthentication.Bearer("Administrator");

    private TestSite _store = null!;
    private RunningSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        _site = await _store.StartAsync(TestApiAuthentication.Register, TestSite.SetupRecipe("sql-queries.recipe.json"));
        await _site.SetupCompletion;
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(string path, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? Administrator);
        using var response = await _site.Http.SendAsync(request);
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Test]
    public async Task A_stored_sql_query_answers_published_items_newest_first_with_its_parameters()
    {
        var (status, body) = await GetAsync("/api/queries/RecentArticles?parameters=" + Uri.EscapeDataString("""{ "size": 1 }"""));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.That(body["items"]!.AsArray().Select(i => (string?)i!["ContentItemId"]), Is.EqualTo(new[] { "article2" }));
        Assert.That((int)body["count"]!, Is.EqualTo(2));
    }

    [Test]
    public async Task A_sql_query_returning_rows_binds_its_liquid_parameter_as_a_value()
    {
        var (_, rows) = await GetAsync("/api/queries/ArticleTitles?parameters=" + Uri.EscapeDataString("""{ "title": "%article" }"""));
        var (_, none) = await GetAsync("/api/queries/ArticleTitles?parameters=" + Uri.EscapeDataString("""{ "title": "x' or 1=1 --" }"""));

        Assert.That(rows["items"]!.AsArray().Select(i => i!.ToJsonString()), Is.EqualTo(new[] { """{"DisplayText":"First article"}""", """{"DisplayText":"Second article"}""" }));
        Assert.That(none["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Sql_outside_the_supported_subset_is_400_naming_what_is_unsupported()
    {
        var (status, body) = await GetAsync("/api/queries/Hostile");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["title"], Is.EqualTo("The query is invalid."));
        Assert.That((string?)body["detail"], Does.Contain("';' is not supported"));
    }

    [Test]
    public async Task A_sql_query_with_a_schema_is_a_graphql_root_field()
    {
        var graphql = await _site.Http.GraphQLPostAsync("{ RecentArticles { displayText } }", authorization: Administrator);

        Assert.That(graphql.ErrorMessages, Is.Empty, graphql.ToString());
        Assert.That(graphql.Json!["data"]!["RecentArticles"]!.AsArray().Select(p => (string?)p!["displayText"]), Is.EqualTo(new[] { "Second article", "First article" }));
    }
}
