using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Security;
using OneDigital.GraphQL.Caching;
using OneDigital.Web.Tests.GraphQL.Support;

namespace OneDigital.Web.Tests.GraphQL;

/// <summary>
/// The front cache answers an exact repeat of an anonymous read before the pipeline. Its hit count tells a front hit
/// from an answer the endpoint made; a hit must look exactly like the answer it repeats.
/// </summary>
public sealed class GraphQLFrontCacheTests() : GraphQLSiteFixture($"--OneDigital:Cors:AllowedOrigins:0={PartnerOrigin}")
{
    private const string PartnerOrigin = "https://partner.example";

    private long FrontHits => Site.Services.GetRequiredService<GraphQLResponseCache>().FrontHits;

    /// <summary>A query text no other test sends, so its first request is a miss whatever ran before.</summary>
    private static string Unique(string fields = "contentItemId displayText") => $"query Q{Guid.NewGuid():N} {{ article {{ {fields} }} }}";

    [Test]
    public async Task A_repeat_is_answered_by_the_front_cache_with_the_same_body_and_headers()
    {
        var query = Unique();
        var miss = await SendAsync(HttpMethod.Post, query);
        var hitsBefore = FrontHits;
        var hit = await SendAsync(HttpMethod.Post, query);

        Assert.That(FrontHits, Is.EqualTo(hitsBefore + 1));
        Assert.That(hit.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(hit.Body, Is.EqualTo(miss.Body));
        Assert.That(hit.Headers, Is.EqualTo(miss.Headers));
        Assert.That(hit.Headers, Does.Contain("ETag: " + miss.Header("ETag")).And.Contain("Cache-Control: public, max-age=60")
            .And.Contain("X-Content-Type-Options: nosniff").And.Contain("Content-Security-Policy: " + miss.Header("Content-Security-Policy")));
    }

    [Test]
    public async Task A_cross_origin_repeat_carries_the_same_CORS_headers_as_the_answer_it_repeats()
    {
        var query = Unique();
        var miss = await SendAsync(HttpMethod.Post, query, origin: PartnerOrigin);
        var hitsBefore = FrontHits;
        var hit = await SendAsync(HttpMethod.Post, query, origin: PartnerOrigin);
        var otherOrigin = await SendAsync(HttpMethod.Post, query, origin: "https://stranger.example");

        Assert.That(FrontHits, Is.EqualTo(hitsBefore + 2));
        Assert.That(hit.Headers, Is.EqualTo(miss.Headers));
        Assert.That(hit.Header("Access-Control-Allow-Origin"), Is.EqualTo(PartnerOrigin));
        Assert.That(otherOrigin.Header("Access-Control-Allow-Origin"), Is.Null);
        Assert.That(otherOrigin.Body, Is.EqualTo(miss.Body));
    }

    [Test]
    public async Task A_GET_is_answered_by_the_front_cache_and_a_different_Accept_is_its_own_entry()
    {
        var query = Unique();
        var miss = await SendAsync(HttpMethod.Get, query);
        var hitsBefore = FrontHits;
        var hit = await SendAsync(HttpMethod.Get, query);
        var graphQLResponse = await SendAsync(HttpMethod.Get, query, accept: "application/graphql-response+json");

        Assert.That(FrontHits, Is.EqualTo(hitsBefore + 1));
        Assert.That(hit.Headers, Is.EqualTo(miss.Headers));
        Assert.That(graphQLResponse.Header("Content-Type"), Does.StartWith("application/graphql-response+json"));
        Assert.That(miss.Header("Content-Type"), Does.StartWith("application/json"));
    }

    [Test]
    public async Task A_publish_makes_the_next_request_miss_and_show_the_change()
    {
        var query = Unique();
        await SendAsync(HttpMethod.Post, query);
        await SendAsync(HttpMethod.Post, query);

        await PublishNewArticleAsync("Published past the front cache");
        var hitsBefore = FrontHits;
        var after = await SendAsync(HttpMethod.Post, query);

        Assert.That(FrontHits, Is.EqualTo(hitsBefore));
        Assert.That(after.Body, Does.Contain("Published past the front cache"));
    }

    [Test]
    public async Task If_None_Match_with_the_current_ETag_is_answered_304_by_the_front_cache()
    {
        var query = Unique();
        var miss = await SendAsync(HttpMethod.Post, query);
        var hitsBefore = FrontHits;
        var notModified = await SendAsync(HttpMethod.Post, query, ifNoneMatch: miss.Header("ETag"));

        Assert.That(FrontHits, Is.EqualTo(hitsBefore + 1));
        Assert.That(notModified.Status, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(notModified.Body, Is.Empty);
        Assert.That(notModified.Header("ETag"), Is.EqualTo(miss.Header("ETag")));
    }

    [Test]
    public async Task A_GET_of_a_persisted_query_by_its_hash_is_answered_by_the_front_cache()
    {
        var query = Unique();
        var extensions = JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = PersistedQueries.HashOf(query) } });
        await Http.GetAsync($"{GraphQLHttp.Path}?query={Uri.EscapeDataString(query)}&extensions={Uri.EscapeDataString(extensions)}");
        var byHash = $"{GraphQLHttp.Path}?extensions={Uri.EscapeDataString(extensions)}";
        var miss = await SendRawAsync(HttpMethod.Get, byHash);
        var hitsBefore = FrontHits;
        var hit = await SendRawAsync(HttpMethod.Get, byHash);

        Assert.That(miss.Status, Is.EqualTo(HttpStatusCode.OK), miss.Body);
        Assert.That(FrontHits, Is.EqualTo(hitsBefore + 1));
        Assert.That(hit.Body, Is.EqualTo(miss.Body));
    }

    [TestCase("Authorization", "Bearer Partner")]
    [TestCase("Cookie", "session=abc")]
    [TestCase("X-Preview-Token", "not-a-token")]
    public async Task A_request_with_credentials_or_a_preview_token_is_never_answered_by_the_front_cache(string header, string value)
    {
        var query = Unique();
        var headers = new Dictionary<string, string> { [header] = header == "Authorization" ? TestApiAuthentication.Bearer("Partner") : value };
        // The same request anonymous first, so an entry exists that a careless front cache would hand out.
        await SendAsync(HttpMethod.Post, query);
        await SendAsync(HttpMethod.Post, query, headers: headers);
        var hitsBefore = FrontHits;
        var again = await SendAsync(HttpMethod.Post, query, headers: headers);

        Assert.That(FrontHits, Is.EqualTo(hitsBefore));
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.OK), again.Body);
    }

    [Test]
    public async Task A_preview_token_in_the_query_string_is_never_answered_by_the_front_cache()
    {
        var query = Unique();
        var url = $"{GraphQLHttp.Path}?query={Uri.EscapeDataString(query)}";
        await SendRawAsync(HttpMethod.Get, url);
        await SendRawAsync(HttpMethod.Get, url + "&previewToken=not-a-token");
        var hitsBefore = FrontHits;
        await SendRawAsync(HttpMethod.Get, url + "&previewToken=not-a-token");
        await SendRawAsync(HttpMethod.Get, url + "&PREVIEWTOKEN=not-a-token");

        Assert.That(FrontHits, Is.EqualTo(hitsBefore));
    }

    [TestCase("query Q__ { article(status: DRAFT) { contentItemId } }")]
    [TestCase("mutation Q__ { article { contentItemId } }")]
    [TestCase("query Q__ { boom }")]
    public async Task Drafts_mutations_and_answers_with_errors_are_never_answered_by_the_front_cache(string query)
    {
        query = query.Replace("Q__", $"Q{Guid.NewGuid():N}", StringComparison.Ordinal);
        await SendAsync(HttpMethod.Post, query);
        var hitsBefore = FrontHits;
        var again = await SendAsync(HttpMethod.Post, query);

        Assert.That(FrontHits, Is.EqualTo(hitsBefore));
        Assert.That(again.Header("Cache-Control"), Is.EqualTo("no-store"));
    }

    [Test]
    public async Task Anonymous_losing_ExecuteGraphQL_stops_front_cache_hits_at_once()
    {
        var query = Unique();
        await SendAsync(HttpMethod.Post, query);
        await SendAsync(HttpMethod.Post, query);
        try
        {
            await SaveAnonymousAsync(PermissionBehavior.Remove);
            var hitsBefore = FrontHits;
            var refused = await SendAsync(HttpMethod.Post, query);

            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Unauthorized), refused.Body);
            Assert.That(FrontHits, Is.EqualTo(hitsBefore));
        }
        finally
        {
            await SaveAnonymousAsync(PermissionBehavior.Add);
        }
        var restored = await SendAsync(HttpMethod.Post, query);
        Assert.That(restored.Status, Is.EqualTo(HttpStatusCode.OK), restored.Body);
    }

    private async Task SaveAnonymousAsync(PermissionBehavior behavior)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleService>()
            .SaveAsync(BuiltInRoles.Anonymous, null, [Permissions.ExecuteGraphQL.Name], behavior);
    }

    private async Task PublishNewArticleAsync(string title)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync("Article");
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        await manager.CreateAsync(item, publish: true);
    }

    private Task<Answer> SendAsync(HttpMethod method, string query, string? origin = null, string? accept = null, string? ifNoneMatch = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>());
        if (origin is not null) all["Origin"] = origin;
        if (accept is not null) all["Accept"] = accept;
        if (ifNoneMatch is not null) all["If-None-Match"] = ifNoneMatch;
        return method == HttpMethod.Get
            ? SendRawAsync(method, $"{GraphQLHttp.Path}?query={Uri.EscapeDataString(query)}", null, all)
            : SendRawAsync(method, GraphQLHttp.Path, JsonSerializer.Serialize(new { query }), all);
    }

    private async Task<Answer> SendRawAsync(HttpMethod method, string url, string? json = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        // Every header but Date (the clock moves between two answers), in the order sent.
        var lines = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date")
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .ToList();
        return new Answer(response.StatusCode, lines, body);
    }

    private sealed record Answer(HttpStatusCode Status, IReadOnlyList<string> Headers, string Body)
    {
        public string? Header(string name) =>
            Headers.FirstOrDefault(h => h.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))?[(name.Length + 2)..];
    }
}
