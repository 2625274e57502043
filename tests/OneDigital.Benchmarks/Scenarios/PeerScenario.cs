using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OneDigital.Benchmarks.Http;
using OneDigital.Benchmarks.Seeding;
using OneDigital.Content.Querying;
using OneDigital.Content.Recipes;
using OneDigital.Content.Recipes.Staging;
using OneDigital.Content.Store;
using OneDigital.Content.Writing;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tasks;

namespace OneDigital.Benchmarks.Scenarios;

/// <summary>
/// The partner comparison of issue 16: N <c>PeerPost</c>s imported through the recipe engine from a recipe this
/// scenario writes (the type, a topic taxonomy, a Lucene index of the posts and the posts), that index rebuilt, then four partner queries
/// under load (2 connections, wrk when installed) against the site uncached, cached, and a bare Kestrel app in its
/// own process answering the same bytes. Also the cold start of the site on the existing store to <c>/health</c>.
/// </summary>
public sealed class PeerScenario : IScenario
{
    private const string Type = "PeerPost";
    private const int Connections = 2;
    private const int Topics = 12;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public string Name => "peer";

    public string Description => "PeerPost import through a recipe, rebuild, 4 partner queries: uncached, cached and a bare Kestrel app (2 connections)";

    /// <summary>Seconds of load per query and site: short on a small run, as issue 16's 15 s at 100,000.</summary>
    private static TimeSpan Duration(int items) => TimeSpan.FromSeconds(items >= 100_000 ? 15 : 5);

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var items = run.Options.Items;
        var rows = new List<ResultRow>();
        await run.SeederAsync();
        run.Log.WriteLine(MemoryProbe.Phase("the setup"));
        var existing = await CountPostsAsync(run.Store, ct);
        if (existing < items)
        {
            // Half through the engine in one live transaction, half as the CLI's import and the admin's run it.
            var viaEngine = existing == 0 ? (items - existing) / 2 : 0;
            if (viaEngine > 0) rows.Add(await ImportAsync(run, existing, viaEngine, staged: false, ct));
            run.Log.WriteLine(MemoryProbe.Phase("the engine import"));
            rows.Add(await ImportAsync(run, existing + viaEngine, items - existing - viaEngine, staged: run.Store.Services.GetRequiredService<StoreOptions>().Provider == DatabaseProvider.Sqlite, ct));
        }
        else
        {
            run.Log.WriteLine($"  {existing:N0} {Type} items found in the reused store: import skipped");
        }
        run.Log.WriteLine(MemoryProbe.Phase("the staged import"));
        rows.Add(await RebuildAsync(run, ct));
        run.Log.WriteLine(MemoryProbe.Phase("the rebuild"));
        Settle(run);
        run.Log.WriteLine(MemoryProbe.Phase("the settle"));

        var postPath = PathOf(items / 2);
        (string Name, string Query)[] queries =
        [
            ("10 newest", """
                { peerPost(first: 10, orderBy: { publishedUtc: DESC }) {
                    contentItemId displayText autoroutePart { path } summary { text } publishedUtc } }
                """),
            ("by path", $$"""
                { peerPost(where: { autoroutePart: { path: "{{postPath}}" } }) {
                    contentItemId displayText summary { text } publishedUtc markdownBodyPart { html } } }
                """),
            ("50 at offset 500", """
                { peerPost(first: 50, skip: 500, orderBy: { publishedUtc: DESC }) {
                    contentItemId displayText autoroutePart { path } publishedUtc } }
                """),
            ("pickers and terms", """
                { peerPost(first: 10, orderBy: { publishedUtc: DESC }) {
                    displayText
                    topic { termContentItems { displayText } }
                    related { contentItems { contentItemId displayText contentType } } } }
                """),
        ];
        var bodies = queries.Select(q => JsonSerializer.Serialize(new { query = q.Query })).ToArray();
        var duration = Duration(items);
        run.Log.WriteLine($"  load: {(WrkRun.Available ? "wrk" : "the benchmark's own client (wrk not installed)")}, {Connections} connections, {duration.TotalSeconds:0} s per run");

        var answers = new byte[queries.Length][];
        var uncached = new LoadResult[queries.Length];
        var uncachedCpu = new (double, double?)[queries.Length];
        var coldStart = Stopwatch.StartNew();
        await using (var site = await BenchmarkSite.StartAsync(run.Store, "--OneDigital:GraphQL:Cache:Enabled=false"))
        {
            await WaitForHealthAsync(site.Address, ct);
            coldStart.Stop();
            run.Log.WriteLine(MemoryProbe.Phase("the uncached site's start"));
            rows.Add(await WritingChecksSettleAsync(run, ct));
            run.Log.WriteLine(MemoryProbe.Phase("the writing checks"));
            for (var i = 0; i < queries.Length; i++)
            {
                answers[i] = await AnswerAsync(site.Address, bodies[i], ct);
                run.Log.WriteLine($"  {queries[i].Name}: uncached");
                (uncached[i], uncachedCpu[i]) = await LoadAsync(run.Store, site.Address, bodies[i], answers[i].Length, duration, ct);
                run.Log.WriteLine(MemoryProbe.Phase($"{queries[i].Name} uncached"));
            }
        }
        run.Log.WriteLine(MemoryProbe.Phase("the uncached site's stop"));
        var cached = new LoadResult[queries.Length];
        var cachedCpu = new (double, double?)[queries.Length];
        await using (var site = await BenchmarkSite.StartAsync(run.Store))
        {
            for (var i = 0; i < queries.Length; i++)
            {
                run.Log.WriteLine($"  {queries[i].Name}: cached");
                (cached[i], cachedCpu[i]) = await LoadAsync(run.Store, site.Address, bodies[i], answers[i].Length, duration, ct);
                run.Log.WriteLine(MemoryProbe.Phase($"{queries[i].Name} cached"));
            }
        }
        run.Log.WriteLine(MemoryProbe.Phase("the cached site's stop"));
        for (var i = 0; i < queries.Length; i++)
        {
            run.Log.WriteLine($"  {queries[i].Name}: bare Kestrel, {answers[i].Length:N0} bytes");
            await using var bare = await BareProcess.StartAsync(answers[i], ct);
            var (yardstick, _) = await LoadAsync(null, bare.Address, bodies[i], answers[i].Length, duration, ct);
            rows.Add(LoadRow($"peer {queries[i].Name}: bare", yardstick, yardstick, null));
            rows.Add(LoadRow($"peer {queries[i].Name}: uncached", uncached[i], yardstick, uncachedCpu[i]));
            rows.Add(LoadRow($"peer {queries[i].Name}: cached", cached[i], yardstick, cachedCpu[i]));
        }
        rows.Add(new ResultRow("peer cold start to /health", [("seconds", coldStart.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture))]));
        rows.Add(new ResultRow("peer run", [("peak memory (MB)", MemoryProbe.PeakWorkingSetMB().ToString("F0", CultureInfo.InvariantCulture))]));
        return rows;
    }

    private static string PathOf(int index) => $"posts/peer-post-{index}";

    private static async Task<int> CountPostsAsync(BenchmarkStore store, CancellationToken ct)
    {
        await using var scope = store.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentQuery>().CountAsync(new ContentListRequest(Type), ct);
    }

    /// <param name="staged">Through <see cref="StagedImport"/> (SQLite): a private copy, then its changes applied to the live store, as the CLI's <c>import</c> and the admin's import run.</param>
    private static async Task<ResultRow> ImportAsync(BenchmarkRun run, int first, int count, bool staged, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"onedigital-peer-{Environment.ProcessId}.recipe.json");
        try
        {
            await PeerRecipe.WriteAsync(file, first, count, withDefinitions: first == 0, ct);
            run.Log.WriteLine($"  importing {count:N0} {Type} items ({new FileInfo(file).Length / 1048576.0:F0} MB recipe)");
            GC.Collect();
            MemoryProbe.ResetPeak();
            var (allocated, collections) = (GC.GetTotalAllocatedBytes(), MemoryProbe.Collections());
            var cpu = await CpuMeter.StartAsync(run.Store);
            var clock = Stopwatch.StartNew();
            var parameters = new RecipeParameters { AdminUserId = BenchmarkStore.RecipeOwner, AdminUsername = "admin", SiteName = "One Digital benchmark" };
            var recipe = RecipeDescriptor.Load(file);
            TimeSpan? writeLock = null;
            if (staged)
            {
                writeLock = (await run.Store.Services.GetRequiredService<StagedImport>().ImportAsync(recipe, parameters, ct)).WriteLockHeld;
            }
            else
            {
                await using var scope = run.Store.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, parameters, ct);
            }
            clock.Stop();
            var cpuPerItem = await cpu.StopAsync(count);
            var row = new ResultRow(staged ? "peer import (CLI/admin path: staged copy)" : "peer import (recipe engine)",
            [
                ("items", count.ToString("N0", CultureInfo.InvariantCulture)),
                ("seconds", clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)),
                ("items/s", (count / clock.Elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)),
                .. CpuMeter.Cells(cpuPerItem, "item"),
                ("peak memory (MB)", MemoryProbe.PeakSinceResetMB().ToString("F0", CultureInfo.InvariantCulture)),
                // How long the site's writers waited while the import's changes reached the live store.
                ("write lock held (s)", writeLock is { } held ? held.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : "whole import"),
                ("GC", MemoryProbe.GcSummary(allocated, collections)),
            ]);
            // Printed as it ends too: the import rows are what a run about imports waits for.
            run.Log.WriteLine($"  {row.Scenario}: {string.Join(", ", row.Cells.Select(c => $"{c.Column} {c.Value}"))}");
            return row;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The posts' index rebuilt from the store, timed, with the process's CPU per document (the rebuild's cost on a busy machine).</summary>
    internal static async Task<ResultRow> RebuildAsync(BenchmarkRun run, CancellationToken ct)
    {
        var options = new SearchOptions();
        using var indexes = new LuceneIndexes(run.Store.Services.GetRequiredService<StoreOptions>(), options);
        var indexer = new SearchIndexer(run.Store.Services.GetRequiredService<IServiceScopeFactory>(), indexes, options, TimeProvider.System, NullLogger<SearchIndexer>.Instance);
        // The recipe's own index first, unmeasured, so the sites started next find every index up to date.
        await indexer.RebuildAsync("Search", ct);
        run.Log.WriteLine($"  rebuilding the {PeerRecipe.IndexName} index");
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // Lucene's locks dominate the rebuild's sampled profiles; this says whether any thread ever waited on one.
        var contentions = Monitor.LockContentionCount;
        var clock = Stopwatch.StartNew();
        var result = await indexer.RebuildAsync(PeerRecipe.IndexName, ct);
        clock.Stop();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        contentions = Monitor.LockContentionCount - contentions;
        return new ResultRow($"peer rebuild ({PeerRecipe.IndexName} index: the posts)",
        [
            ("documents", result.Documents.ToString("N0", CultureInfo.InvariantCulture)),
            ("seconds", clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)),
            ("documents/s", (result.Documents / clock.Elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)),
            ("CPU ms/document", (cpuMs / Math.Max(1, result.Documents)).ToString("F3", CultureInfo.InvariantCulture)),
            ("lock contentions", contentions.ToString("N0", CultureInfo.InvariantCulture)),
        ]);
    }

    /// <summary>
    /// The import and the rebuild ran in this process, which hosts the site measured next: left alone, their garbage
    /// (about 100 MB at 10,000 items) and their finalizer queue are cleared while the first query is measured, on one
    /// of the two cores (a trace of the uncached runs showed the finalizer thread sampled busy throughout, half of it
    /// in DynamicResolver.Finalize). A partner's site after an import is a process of its own that carries none of it,
    /// so it is cleared before the site starts: full collections until the finalizers have run (a dynamic method's
    /// finalizer needs a second collection to free it).
    /// </summary>
    private static void Settle(BenchmarkRun run)
    {
        var clock = Stopwatch.StartNew();
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var rounds = 0;
        do
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        while (++rounds < 3 || (GC.GetGCMemoryInfo().FinalizationPendingCount > 0 && rounds < 10));
        run.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  import's leftovers cleared before the site starts: heap {heap / 1048576} MB -> {GC.GetTotalMemory(false) / 1048576} MB, {rounds} collections, {clock.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>
    /// A large import leaves its items' writing checks to the site's background worker (one core, half its time); the
    /// partner queries are measured once it has finished, and how long it took after the import is a row of its own.
    /// </summary>
    private static async Task<ResultRow> WritingChecksSettleAsync(BenchmarkRun run, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int left;
        var first = -1;
        while (true)
        {
            await using (var scope = run.Store.Services.CreateAsyncScope())
            {
                left = await scope.ServiceProvider.GetRequiredService<WritingFindingsQuery>().CountUncheckedAsync(ct);
            }
            if (first < 0) first = left;
            if (left == 0) break;
            await Task.Delay(250, ct);
        }
        run.Log.WriteLine($"  writing checks of {first:N0} imported items finished in the background after {clock.Elapsed.TotalSeconds:F1} s");
        return new ResultRow("peer writing checks after the import (site's background worker)",
        [
            ("items", first.ToString("N0", CultureInfo.InvariantCulture)),
            ("seconds", clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)),
        ]);
    }

    private static async Task WaitForHealthAsync(Uri site, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = site };
        while (true)
        {
            using var response = await client.GetAsync("/health", ct);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            await Task.Delay(20, ct);
        }
    }

    /// <summary>The answer's bytes, checked to hold data and no errors before anything is timed.</summary>
    private static async Task<byte[]> AnswerAsync(Uri site, string body, CancellationToken ct)
    {
        using var client = new HttpClient();
        using var response = await client.SendAsync(Post(site, body)(), ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var text = Encoding.UTF8.GetString(bytes);
        if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal) || text.Contains("\"peerPost\":[]", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        }
        return bytes;
    }

    private static Func<HttpRequestMessage> Post(Uri site, string body) => () => new(HttpMethod.Post, new Uri(site, "/api/graphql"))
    {
        Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };

    /// <summary>
    /// The load on one query after a warm-up that is not counted (as the site scenario does): without it the first run
    /// of each site measures the JIT's tiers and the start-up's background work rather than the query. With a store, the
    /// CPU per request of this process (the site; the client too when wrk is not installed) and of PostgreSQL's backends.
    /// </summary>
    private static async Task<(LoadResult, (double, double?))> LoadAsync(BenchmarkStore? store, Uri site, string body, int bodyBytes, TimeSpan duration, CancellationToken ct)
    {
        if (!WrkRun.Available)
        {
            // The benchmark's own client warms up by itself.
            var meter = store is null ? null : await CpuMeter.StartAsync(store);
            var own = await LoadRun.RunAsync(Post(site, body), Connections, WarmUp, duration, ct);
            return (own, meter is null ? default : await meter.StopAsync(own.Requests));
        }
        var url = new Uri(site, "/api/graphql");
        await WrkRun.RunAsync(url, body, bodyBytes, Connections, WarmUp, ct);
        var cpu = store is null ? null : await CpuMeter.StartAsync(store);
        var result = await WrkRun.RunAsync(url, body, bodyBytes, Connections, duration, ct);
        return (result, cpu is null ? default : await cpu.StopAsync(result.Requests));
    }

    private static ResultRow LoadRow(string scenario, LoadResult result, LoadResult bare, (double, double?)? cpu) => new(scenario,
    [
        ("requests/s", result.Rps),
        ("p50 ms", result.P50),
        ("p99 ms", result.P99),
        ("failed", result.Failures.ToString(CultureInfo.InvariantCulture)),
        ("body bytes", result.BodyBytes.ToString("N0", CultureInfo.InvariantCulture)),
        ("of bare", (result.RequestsPerSecond / bare.RequestsPerSecond).ToString("P0", CultureInfo.InvariantCulture)),
        .. cpu is { } measured ? CpuMeter.Cells(measured, "req") : [],
    ]);
}
