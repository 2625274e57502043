// Why: the Lucene API attacks of the hardening issue, sent as an attacker would (over HTTP to the real host): each
// gets a 400 naming the limit and where, and a few hundred generated queries get no 5xx and no answer slower than 2 s.
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using OneDigital.Testing;
using OneDigital.Web.Tests.GraphQL.Support;
using OneDigital.Web.Tests.Support;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Search;

public sealed class LuceneApiHardeningTests
{
    private const int FuzzRequests = 300;
    private static readonly string Administrator = TestApiAuthentication.Bearer("Administrator");

    private TestSite _store = null!;
    private RunningSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        // The One Digital setup recipe defines the Search index.
        _site = await _store.StartAsync(TestApiAuthentication.Register);
        await _site.SetupCompletion;
        // The first search opens the index and compiles the request path; the 2 s budget is for queries, not that.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await QueryAsync("""{ "query": { "match_all": {} } }""")).Status != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the Search index never answered");
            await Task.Delay(100);
        }
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Body, TimeSpan Elapsed)> QueryAsync(string query, JsonObject? parameters = null, string path = "/api/lucene/documents")
    {
        var body = new JsonObject { ["indexName"] = "Search", ["query"] = query };
        if (parameters is not null) body["parameters"] = parameters;
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Administrator);
        var clock = Stopwatch.StartNew();
        using var response = await _site.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text, clock.Elapsed);
    }

    [TestCase("""{ "query": { "regexp": { "Content.ContentItem.DisplayText.keyword": "a{1,100000}" } } }""",
        "query.regexp.Content.ContentItem.DisplayText.keyword: the repetition", "max_determinized_states")]
    [TestCase("""{ "query": { "regexp": { "Content.ContentItem.FullText": "(a|b)*a(a|b){20}" } } }""", "query.regexp.Content.ContentItem.FullText: ", "max_determinized_states")]
    [TestCase("""{ "query": { "fuzzy": { "Content.ContentItem.FullText": "FUZZ" } } }""", "query.fuzzy.Content.ContentItem.FullText: ", "max_fuzzy_term_length")]
    [TestCase("""{ "query": { "terms": { "Content.ContentItem.ContentType": TERMS } } }""", "query.terms.Content.ContentItem.ContentType: ", "max_clause_count")]
    [TestCase("""{ "query": { "bool": { "should": CLAUSES } } }""", "query.bool: ", "max_clause_count")]
    [TestCase("""{ "query": { "match_all": { "boost": 1e300 } } }""", "query.match_all.boost: ", "max_boost")]
    [TestCase("""{% for i in (1..100000000) %}{% endfor %}{ "query": { "match_all": {} } }""", "template: the range", "max_range_length")]
    public async Task A_hostile_query_gets_400_naming_the_limit_and_where(string query, string where, string limit)
    {
        query = query.Replace("FUZZ", new string('a', 60_000), StringComparison.Ordinal)
            .Replace("TERMS", new JsonArray([.. Enumerable.Range(0, 5000).Select(i => (JsonNode)$"t{i}")]).ToJsonString(), StringComparison.Ordinal)
            .Replace("CLAUSES", "[" + string.Join(",", Enumerable.Repeat("""{ "match_all": {} }""", 2000)) + "]", StringComparison.Ordinal);

        var (status, body, _) = await QueryAsync(query);

        // The detail names our limit: the query was refused by the check made before Lucene builds anything.
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(JsonNode.Parse(body)!["detail"]!.GetValue<string>(), Does.StartWith(where).And.Contain(limit));
    }

    private static readonly TimeSpan RunawayBound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Generated_queries_over_http_get_no_5xx_and_none_runs_away()
    {
        var fuzzer = new LuceneDslFuzzer(LuceneDslFuzzer.SeedFromEnvironment());
        var statuses = new Dictionary<int, int>();
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < FuzzRequests; i++)
        {
            var (template, parameters) = fuzzer.NextTemplate();
            var (status, body, elapsed) = await QueryAsync(template, parameters, i % 2 == 0 ? "/api/lucene/documents" : "/api/lucene/content");
            statuses[(int)status] = statuses.GetValueOrDefault((int)status) + 1;
            slowest = elapsed > slowest ? elapsed : slowest;
            Assert.That((int)status, Is.LessThan(500), $"request {i} (seed {fuzzer.Seed}; replay with ONEDIGITAL_FUZZ_SEED={fuzzer.Seed}): {body}\n{template[..Math.Min(template.Length, 2000)]}");
            // A runaway guard, not a speed target (the benchmark shows speed): far past the 2 s budget on a busy machine.
            Assert.That(elapsed, Is.LessThan(RunawayBound), $"request {i} (seed {fuzzer.Seed}) took {elapsed}");
        }
        TestContext.Out.WriteLine($"seed {fuzzer.Seed}: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}"))}; slowest {slowest.TotalMilliseconds:F0} ms");
    }
}
