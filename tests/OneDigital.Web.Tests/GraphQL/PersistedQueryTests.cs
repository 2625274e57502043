using System.Net;
using System.Text.Json;
using OneDigital.GraphQL.Caching;
using OneDigital.Web.Tests.GraphQL.Support;

namespace OneDigital.Web.Tests.GraphQL;

/// <summary>
/// Apollo's automatic persisted queries: a hash alone is unknown the first time, the query sent with its hash is
/// checked and kept, and GETs by hash alone are then answered, with the headers an HTTP cache needs.
/// </summary>
public sealed class PersistedQueryTests : GraphQLSiteFixture
{
    private static string Extensions(string hash) => JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = hash } });

    private Task<GraphQLAnswer> GetByHashAsync(string hash, string? ifNoneMatch = null, string? authorization = null) =>
        Http.SendRawAsync(HttpMethod.Get, $"{GraphQLHttp.Path}?extensions={Uri.EscapeDataString(Extensions(hash))}", null, authorization, ifNoneMatch);

    private Task<GraphQLAnswer> GetWithQueryAsync(string query, string hash) =>
        Http.SendRawAsync(HttpMethod.Get, $"{GraphQLHttp.Path}?query={Uri.EscapeDataString(query)}&extensions={Uri.EscapeDataString(Extensions(hash))}", null);

    [Test]
    public async Task An_unknown_hash_answers_PersistedQueryNotFound_then_the_query_with_its_hash_is_kept_for_later_GETs()
    {
        const string query = "{ article { contentItemId displayText } }";
        var hash = PersistedQueries.HashOf(query);

        var unknown = await GetByHashAsync(hash);
        var registered = await GetWithQueryAsync(query, hash);
        var byHash = await GetByHashAsync(hash);

        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.BadRequest), unknown.ToString());
        Assert.That(unknown.ErrorMessages, Is.EqualTo(new[] { PersistedQueries.NotFoundMessage }));
        Assert.That(unknown.Body, Does.Contain(PersistedQueries.NotFoundCode));
        Assert.That(unknown.CacheControl, Is.EqualTo("no-store"));
        Assert.That(registered.Status, Is.EqualTo(HttpStatusCode.OK), registered.ToString());
        Assert.That(byHash.Status, Is.EqualTo(HttpStatusCode.OK), byHash.ToString());
        Assert.That(byHash.Body, Is.EqualTo(registered.Body));
        Assert.That(byHash.CacheControl, Is.EqualTo("public, max-age=60"));
        Assert.That(byHash.ETag, Is.EqualTo(registered.ETag).And.Not.Null);
    }

    [Test]
    public async Task A_GET_by_hash_with_the_current_ETag_answers_304()
    {
        const string query = "{ article { displayText } }";
        var hash = PersistedQueries.HashOf(query);
        var first = await GetWithQueryAsync(query, hash);

        var again = await GetByHashAsync(hash, ifNoneMatch: first.ETag);

        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(again.Body, Is.Empty);
    }

    [Test]
    public async Task A_query_whose_hash_does_not_match_is_refused_and_not_kept()
    {
        const string query = "{ article { contentItemId } }";
        var wrongHash = PersistedQueries.HashOf("{ article { contentItemId displayText modifiedUtc } }");

        var refused = await GetWithQueryAsync(query, wrongHash);
        var byHash = await GetByHashAsync(wrongHash);

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.ErrorMessages.Single(), Does.Contain("does not match"));
        Assert.That(byHash.ErrorMessages, Is.EqualTo(new[] { PersistedQueries.NotFoundMessage }));
    }

    [Test]
    public async Task A_malformed_persistedQuery_extension_is_a_400_naming_its_shape()
    {
        var answer = await Http.SendRawAsync(HttpMethod.Get,
            $"{GraphQLHttp.Path}?extensions={Uri.EscapeDataString("{\"persistedQuery\":{\"version\":2,\"sha256Hash\":\"abc\"}}")}", null);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.ErrorMessages.Single(), Does.Contain("extensions.persistedQuery"));
    }

    [Test]
    public async Task A_POST_may_send_the_hash_alone_once_the_query_is_known()
    {
        const string query = "{ article { contentItemId published } }";
        var hash = PersistedQueries.HashOf(query);
        var body = JsonSerializer.Serialize(new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } });
        var hashOnly = JsonSerializer.Serialize(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } });

        var registered = await Http.SendRawAsync(HttpMethod.Post, GraphQLHttp.Path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var byHash = await Http.SendRawAsync(HttpMethod.Post, GraphQLHttp.Path, new StringContent(hashOnly, System.Text.Encoding.UTF8, "application/json"));

        Assert.That(registered.Status, Is.EqualTo(HttpStatusCode.OK), registered.ToString());
        Assert.That(byHash.Body, Is.EqualTo(registered.Body));
    }

    [Test]
    public async Task An_anonymous_answer_to_a_request_with_credentials_is_never_public()
    {
        const string query = "{ article { contentItemId displayText published } }";
        var hash = PersistedQueries.HashOf(query);
        await GetWithQueryAsync(query, hash);

        var withBasic = await GetByHashAsync(hash, authorization: "Basic dXNlcjpwYXNz");

        Assert.That(withBasic.Status, Is.EqualTo(HttpStatusCode.OK), withBasic.ToString());
        Assert.That(withBasic.CacheControl, Does.Contain("private").And.Not.Contain("public"));
    }
}
