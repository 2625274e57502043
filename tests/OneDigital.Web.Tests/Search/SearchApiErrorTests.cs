// Why: the Lucene and Queries APIs answer their errors through the site's one error mapping; over HTTP each kind keeps
// the status and title partners know (404 Not found, 400 The query is invalid), as application/problem+json.
using System.Net;
using System.Text.Json.Nodes;
using OneDigital.Web.Tests.GraphQL.Support;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Search;

public sealed class SearchApiErrorTests
{
    private static readonly string Administrator = TestApiAuthentication.Bearer("Administrator");

    private TestSite _store = null!;
    private RunningSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        _site = await _store.StartAsync(TestApiAuthentication.Register);
        await _site.SetupCompletion;
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string? MediaType, JsonObject Body)> PostAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Administrator);
        using var response = await _site.Http.SendAsync(request);
        var body = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    [Test]
    public async Task An_unknown_index_is_404_not_found()
    {
        var (status, mediaType, body) = await PostAsync("/api/lucene/content", """{ "indexName": "NoSuchIndex", "query": "{ \"query\": { \"match_all\": {} } }" }""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(mediaType, Is.EqualTo("application/problem+json"));
        Assert.That((string?)body["title"], Is.EqualTo("Not found."));
        Assert.That((string?)body["detail"], Is.EqualTo("There is no index named 'NoSuchIndex'."));
    }

    [Test]
    public async Task An_unknown_stored_query_is_404_not_found()
    {
        var (status, _, body) = await PostAsync("/api/queries/NoSuchQuery", "{}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)body["detail"], Is.EqualTo("There is no query named 'NoSuchQuery'."));
    }

    [TestCase("/api/lucene/documents", """{ "indexName": "Search", "query": "{ \"query\": { \"match_all\": {} } }", "parameters": "[1]" }""", "parameters must be a JSON object")]
    [TestCase("/api/lucene/documents", """{ "indexName": "Search" }""", "indexName and query are required")]
    [TestCase("/api/queries/NoSuchQuery", """{ "parameters": "{ not json" }""", "parameters are not valid JSON")]
    public async Task Parameters_or_arguments_that_are_not_usable_are_400_the_query_is_invalid(string path, string json, string detail)
    {
        var (status, mediaType, body) = await PostAsync(path, json);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(mediaType, Is.EqualTo("application/problem+json"));
        Assert.That((string?)body["title"], Is.EqualTo("The query is invalid."));
        Assert.That((string?)body["detail"], Does.StartWith(detail));
    }
}
