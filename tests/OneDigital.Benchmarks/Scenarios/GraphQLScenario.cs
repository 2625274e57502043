using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OneDigital.Benchmarks.Http;
using OneDigital.Content.Store;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tasks;

namespace OneDigital.Benchmarks.Scenarios;

/// <summary>
/// Partner queries over real HTTP on loopback, each measured three ways in the same run: against a bare ASP.NET Core
/// endpoint returning a body of the same size, against the site with its response cache off (every request parses,
/// validates and runs the query on the store), and with the cache on (the steady state for anonymous partners).
/// </summary>
public sealed class GraphQLScenario : IScenario
{
    private const int Connections = 2;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public string Name => "graphql";

    public string Description => "partner GraphQL queries over HTTP: bare endpoint vs uncached vs cached (2 connections)";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        await run.EnsureSeededAsync(run.Options.Items, ct);
        var postPath = await MiddlePostPathAsync(run.Store);
        (string Name, string Query)[] queries =
        [
            ("ten newest posts", """
                { blogPost(first: 10, orderBy: { publishedUtc: DESC }) {
                    displayText autoroutePart { path } subtitle { text } publishedUtc } }
                """),
            ("post by path", $$"""
                { blogPost(where: { autoroutePart: { path: "{{postPath}}" } }) {
                    displayText markdownBodyPart { html } } }
                """),
            ("page of 50 at 500", """
                { blogPost(first: 50, skip: 500, orderBy: { publishedUtc: DESC }) {
                    displayText autoroutePart { path } publishedUtc } }
                """),
            ("posts with terms and picks", """
                { blogPost(first: 10, orderBy: { publishedUtc: DESC }) {
                    displayText
                    topics { termContentItems { displayText } }
                    related { contentItems { displayText contentType } } } }
                """),
        ];

        // The sites' indexers find the Search index up to date, so no rebuild competes with the measurement.
        await CatchUpSearchIndexAsync(run, ct);
        var bodies = queries.Select(q => JsonSerializer.Serialize(new { query = q.Query })).ToArray();
        static Func<HttpRequestMessage> Post(Uri site, string body) => () => new(HttpMethod.Post, new Uri(site, "/api/graphql"))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };

        // One site at a time over the data folder: two would share (and fight over) the same Lucene index.
        var slow = new LoadResult[queries.Length];
        await using (var uncached = await BenchmarkSite.StartAsync(run.Store, "--OneDigital:GraphQL:Cache:Enabled=false"))
        {
            for (var i = 0; i < queries.Length; i++)
            {
                run.Log.WriteLine($"  {queries[i].Name}: uncached");
                slow[i] = await LoadRun.RunAsync(Post(uncached.Address, bodies[i]), Connections, WarmUp, Duration, ct);
            }
        }
        var fast = new LoadResult[queries.Length];
        await using (var cached = await BenchmarkSite.StartAsync(run.Store))
        {
            for (var i = 0; i < queries.Length; i++)
            {
                run.Log.WriteLine($"  {queries[i].Name}: cached");
                fast[i] = await LoadRun.RunAsync(Post(cached.Address, bodies[i]), Connections, WarmUp, Duration, ct);
            }
        }

        var rows = new List<ResultRow>();
        for (var i = 0; i < queries.Length; i++)
        {
            await using var bare = await BareEndpoint.StartAsync(slow[i].BodyBytes);
            run.Log.WriteLine($"  {queries[i].Name}: bare endpoint, {slow[i].BodyBytes:N0} bytes");
            var yardstick = await LoadRun.RunAsync(Post(bare.Address, bodies[i]), Connections, WarmUp, Duration, ct);
            rows.Add(Row($"graphql {queries[i].Name}: bare", yardstick, yardstick));
            rows.Add(Row($"graphql {queries[i].Name}: uncached", slow[i], yardstick));
            rows.Add(Row($"graphql {queries[i].Name}: cached", fast[i], yardstick));
        }
        return rows;
    }

    private static async Task CatchUpSearchIndexAsync(BenchmarkRun run, CancellationToken ct)
    {
        var options = new SearchOptions();
        using var indexes = new LuceneIndexes(run.Store.Services.GetRequiredService<StoreOptions>(), options);
        var indexer = new SearchIndexer(run.Store.Services.GetRequiredService<IServiceScopeFactory>(), indexes, options, TimeProvider.System, NullLogger<SearchIndexer>.Instance);
        run.Log.WriteLine("  bringing the search index up to date");
        await indexer.CatchUpAsync(ct);
    }

    private ResultRow Row(string scenario, LoadResult result, LoadResult bare) => new(scenario,
    [
        ("requests", result.Requests.ToString("N0", CultureInfo.InvariantCulture)),
        ("failed", result.Failures.ToString(CultureInfo.InvariantCulture)),
        ("requests/s", result.Rps),
        ("p50 ms", result.P50),
        ("p99 ms", result.P99),
        ("body bytes", result.BodyBytes.ToString("N0", CultureInfo.InvariantCulture)),
        ("of bare", (result.RequestsPerSecond / bare.RequestsPerSecond).ToString("P0", CultureInfo.InvariantCulture)),
    ]);

    /// <summary>A published post from the middle of the store, so the lookup is neither the first nor the last row.</summary>
    private static async Task<string> MiddlePostPathAsync(BenchmarkStore store)
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var posts = db.ContentFieldIndex.AsNoTracking()
            .Where(r => r.ContentType == "BlogPost" && r.Published && r.PartName == "AutoroutePart" && r.FieldName == "Path");
        var count = await posts.CountAsync();
        return await posts.OrderBy(r => r.Id).Skip(count / 2).Select(r => r.TextValue!).FirstAsync();
    }
}
