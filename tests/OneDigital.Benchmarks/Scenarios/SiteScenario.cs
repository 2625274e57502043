// Why: readers meet the site on slow connections and old phones (issue 14: "Light, Fast"), so its four busiest page
// types are loaded as a browser asks for them (Accept-Encoding, no cookies) uncached and cached, beside a bare Kestrel
// app answering the same compressed bytes, and each page's first-visit weight is added up from what it links to.
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OneDigital.Benchmarks.Http;
using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Storage;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tasks;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace OneDigital.Benchmarks.Scenarios;

/// <summary>
/// The readers' site over N seeded One Digital items (posts, case studies, events, report parts with topics, on top
/// of the setup recipe): home, a post, the Knowledge Hub's page 10 and a search under load (2 connections, wrk when
/// installed), uncached and cached, next to the bare endpoint; then each page's first-visit weight against 150 KB.
/// </summary>
public sealed partial class SiteScenario : IScenario
{
    private const int Connections = 2;
    private const int WeightBudgetBytes = 150 * 1024;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SiteWarmUp = TimeSpan.FromSeconds(4);

    /// <summary>What Chromium sends: the site answers Brotli, as it would a reader.</summary>
    private const string AcceptEncoding = "gzip, deflate, br, zstd";

    /// <summary>
    /// Marks a request uncached: the site's cache policy neither looks up nor stores a request carrying credentials
    /// (nothing on the site's paths reads them), so the page is rendered each time through the same pipeline.
    /// </summary>
    private const string UncachedHeader = "Bearer site-benchmark-uncached";

    public string Name => "site";

    public string Description => "the readers' site: home, a post, hub page 10, a search; uncached, cached and bare Kestrel (2 connections); first-visit weight";

    private static TimeSpan Duration(int items) => TimeSpan.FromSeconds(items >= 100_000 ? 10 : 5);

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        await run.EnsureSeededAsync(run.Options.Items, ct);
        if (run.Store.Reused)
        {
            run.Log.WriteLine("  reused store: its Search index is taken as built (the site's indexer catches up on anything newer)");
        }
        else
        {
            await RebuildSearchAsync(run, ct);
        }
        var (postPath, postImage) = await SomePostAsync(run.Store, ct);
        if (postImage is not null && WriteMissingImage(run.Store, postImage) is { } written)
        {
            run.Log.WriteLine($"  the post's image {postImage} was never written by seeding (items only name their media): wrote a {written / 1024.0:N0} KB {PhotoWidth} x {PhotoHeight} JPEG there");
        }
        (string Name, string Path)[] pages =
        [
            ("home", "/"),
            ("post", postPath),
            ("hub page 10", "/knowledge-hub?page=10"),
            ("search", "/search?q=" + Uri.EscapeDataString("digital champions")),
        ];
        var duration = Duration(run.Options.Items);
        run.Log.WriteLine($"  load: {(WrkRun.Available ? "wrk" : "the benchmark's own client (wrk not installed)")}, {Connections} connections, {duration.TotalSeconds:0} s per run, Accept-Encoding: {AcceptEncoding}");

        var rows = new List<ResultRow>();
        var answers = new Answer[pages.Length];
        var uncached = new LoadResult[pages.Length];
        var cached = new LoadResult[pages.Length];
        await using (var site = await BenchmarkSite.StartAsync(run.Store))
        {
            for (var i = 0; i < pages.Length; i++)
            {
                answers[i] = await FetchAsync(site.Address, pages[i].Path, ct);
            }
            // Every page's cached path runs for a while before anything is measured: the first cached run otherwise
            // measures the JIT's later tiers (the home page, measured first, came out at a quarter to a half of the
            // others; loaded again once warm, it served as many as the post).
            for (var i = 0; i < pages.Length; i++)
            {
                await LoadOnceAsync(site.Address, pages[i].Path, uncachedRequest: false, answers[i].Body.Length, SiteWarmUp, ct);
            }
            for (var i = 0; i < pages.Length; i++)
            {
                run.Log.WriteLine($"  {pages[i].Name} ({pages[i].Path}): {answers[i].Body.Length:N0} bytes {answers[i].Encoding ?? "uncompressed"}; uncached");
                uncached[i] = await LoadAsync(site.Address, pages[i].Path, uncachedRequest: true, answers[i].Body.Length, duration, ct);
                run.Log.WriteLine($"    {uncached[i].Rps} req/s, p50 {uncached[i].P50} ms, p99 {uncached[i].P99} ms; cached");
                cached[i] = await LoadAsync(site.Address, pages[i].Path, uncachedRequest: false, answers[i].Body.Length, duration, ct);
                run.Log.WriteLine($"    {cached[i].Rps} req/s, p50 {cached[i].P50} ms, p99 {cached[i].P99} ms");
            }
            for (var i = 0; i < pages.Length; i++)
            {
                rows.Add(await WeightRowAsync(site.Address, pages[i].Name, answers[i], ct));
            }
        }
        var loadRows = new List<ResultRow>();
        for (var i = 0; i < pages.Length; i++)
        {
            run.Log.WriteLine($"  {pages[i].Name}: bare Kestrel, {answers[i].Body.Length:N0} bytes");
            await using var bare = await BareProcess.StartAsync(answers[i].Body, ct, answers[i].ContentType, answers[i].Encoding);
            var yardstick = await LoadAsync(bare.Address, pages[i].Path, uncachedRequest: false, answers[i].Body.Length, duration, ct);
            loadRows.Add(LoadRow($"site {pages[i].Name}: bare", yardstick, yardstick));
            loadRows.Add(LoadRow($"site {pages[i].Name}: uncached", uncached[i], yardstick));
            loadRows.Add(LoadRow($"site {pages[i].Name}: cached", cached[i], yardstick));
        }
        return [.. loadRows, .. rows];
    }

    /// <summary>The site search reads the recipe's "Search" index: built once here so every seeded item is found.</summary>
    private static async Task RebuildSearchAsync(BenchmarkRun run, CancellationToken ct)
    {
        var options = new SearchOptions();
        using var indexes = new LuceneIndexes(run.Store.Services.GetRequiredService<StoreOptions>(), options);
        var indexer = new SearchIndexer(run.Store.Services.GetRequiredService<IServiceScopeFactory>(), indexes, options, TimeProvider.System, NullLogger<SearchIndexer>.Instance);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await indexer.RebuildAsync("Search", ct);
        run.Log.WriteLine($"  Search index rebuilt: {result.Documents:N0} documents in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>A published blog post from the middle of the store, so neither the newest nor the oldest is favoured, and the media path of its image.</summary>
    private static async Task<(string Path, string? Image)> SomePostAsync(BenchmarkStore store, CancellationToken ct)
    {
        await using var scope = store.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<ContentQuery>();
        var request = new ContentListRequest("BlogPost");
        var count = await query.CountAsync(request, ct);
        var items = await query.ListAsync(request with { Skip = count / 2, Take = 1 }, ct);
        var path = items.Count == 0 ? null : JsonValues.NonEmptyString(items[0].Part("AutoroutePart")?["Path"]);
        var image = items[0].Part("BlogPost")?["Image"]?["Paths"] is JsonArray { Count: > 0 } paths ? JsonValues.NonEmptyString(paths[0]) : null;
        return ("/" + (path ?? throw new InvalidOperationException("No published blog post with a path was seeded.")), image);
    }

    private const int PhotoWidth = 1600;
    private const int PhotoHeight = 1067;

    /// <summary>
    /// The seeder names a media file per post and case study but writes none (10,000 images would cost minutes and
    /// gigabytes), so the measured post's image is written here when missing: the page then links its resized variant
    /// and the weight row counts a real image instead of a 404. Returns the bytes written, or null when it existed.
    /// </summary>
    private static long? WriteMissingImage(BenchmarkStore store, string mediaPath)
    {
        if (store.Services.GetRequiredService<MediaOriginals>().Find(mediaPath) is not null)
        {
            return null;
        }
        var file = Path.Combine(store.Services.GetRequiredService<FolderMediaFileStore>().Root, mediaPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Smooth shading with some mid-frequency detail: closer to a photo than a flat colour or pixel noise.
        using var image = new Image<Rgb24>(PhotoWidth, PhotoHeight);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var wave = (int)(40 * Math.Sin(x / 37.0) * Math.Cos(y / 23.0));
                    row[x] = new Rgb24((byte)Math.Clamp((x * 200 / PhotoWidth) + wave, 0, 255), (byte)Math.Clamp((y * 180 / PhotoHeight) - wave, 0, 255), (byte)(((x / 8) ^ (y / 8)) & 0x7F));
                }
            }
        });
        image.SaveAsJpeg(file);
        return new FileInfo(file).Length;
    }

    private sealed record Answer(byte[] Body, string? Encoding, string ContentType, string Html);

    /// <summary>The page as a browser gets it on a first visit: compressed bytes as served, and its HTML to parse.</summary>
    private static async Task<Answer> FetchAsync(Uri site, string path, CancellationToken ct)
    {
        using var compressed = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(site, path));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", AcceptEncoding);
        using var response = await compressed.SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
        }
        using var plain = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, UseCookies = false });
        var html = await plain.GetStringAsync(new Uri(site, path), ct);
        return new Answer(body, response.Content.Headers.ContentEncoding.FirstOrDefault(),
            response.Content.Headers.ContentType?.ToString() ?? "text/html", html);
    }

    /// <summary>
    /// The load on one page after a warm-up that is not counted: each page's code runs first here (the hit path of the
    /// cache, the search), and without it the first run measures the JIT's tiers rather than the page (the first page
    /// measured cached once came out at a third of the others, and a p99 held a few JIT-time requests).
    /// </summary>
    private static async Task<LoadResult> LoadAsync(Uri site, string path, bool uncachedRequest, int bodyBytes, TimeSpan duration, CancellationToken ct)
    {
        if (WrkRun.Available)
        {
            // The benchmark's own client warms up by itself.
            await LoadOnceAsync(site, path, uncachedRequest, bodyBytes, WarmUp, ct);
        }
        return await LoadOnceAsync(site, path, uncachedRequest, bodyBytes, duration, ct);
    }

    private static Task<LoadResult> LoadOnceAsync(Uri site, string path, bool uncachedRequest, int bodyBytes, TimeSpan duration, CancellationToken ct)
    {
        var headers = new Dictionary<string, string> { ["Accept-Encoding"] = AcceptEncoding };
        if (uncachedRequest)
        {
            headers["Authorization"] = UncachedHeader;
        }
        var url = new Uri(site, path);
        return WrkRun.Available
            ? WrkRun.GetAsync(url, headers, bodyBytes, Connections, duration, ct)
            : LoadRun.RunAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
                return request;
            }, Connections, WarmUp, duration, ct);
    }

    /// <summary>
    /// HTML + stylesheets + scripts + images (every <c>img src</c>, lazy ones too: an upper bound), each as served
    /// compressed to a browser. Fonts and images named inside the CSS are not fetched: the theme uses system fonts.
    /// </summary>
    private static async Task<ResultRow> WeightRowAsync(Uri site, string name, Answer page, CancellationToken ct)
    {
        var assets = AssetReference().Matches(page.Html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).Distinct().ToList();
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseCookies = false });
        long assetBytes = 0;
        var missing = 0;
        foreach (var url in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(site, url));
            request.Headers.TryAddWithoutValidation("Accept-Encoding", AcceptEncoding);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                missing++;
                continue;
            }
            assetBytes += (await response.Content.ReadAsByteArrayAsync(ct)).Length;
        }
        var total = page.Body.Length + assetBytes;
        return new ResultRow($"site {name}: first-visit weight",
        [
            ("html bytes", page.Body.Length.ToString("N0", CultureInfo.InvariantCulture)),
            ("assets", assets.Count.ToString(CultureInfo.InvariantCulture)),
            ("asset bytes", assetBytes.ToString("N0", CultureInfo.InvariantCulture)),
            ("missing", missing.ToString(CultureInfo.InvariantCulture)),
            ("total KB", (total / 1024.0).ToString("F1", CultureInfo.InvariantCulture)),
            ("of 150 KB", ((double)total / WeightBudgetBytes).ToString("P0", CultureInfo.InvariantCulture)),
        ]);
    }

    private static ResultRow LoadRow(string scenario, LoadResult result, LoadResult bare) => new(scenario,
    [
        ("requests/s", result.Rps),
        ("p50 ms", result.P50),
        ("p99 ms", result.P99),
        ("failed", result.Failures.ToString(CultureInfo.InvariantCulture)),
        ("body bytes", result.BodyBytes.ToString("N0", CultureInfo.InvariantCulture)),
        ("of bare", (result.RequestsPerSecond / bare.RequestsPerSecond).ToString("P0", CultureInfo.InvariantCulture)),
    ]);

    /// <summary>What a browser fetches on load: stylesheets, scripts, images and icons.</summary>
    [GeneratedRegex("""<(?:link[^>]*\brel="(?:stylesheet|icon|shortcut icon)"[^>]*\bhref|script[^>]*\bsrc|img[^>]*\bsrc)="(?<url>[^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex AssetReference();
}
