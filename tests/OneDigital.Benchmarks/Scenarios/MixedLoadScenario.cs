using OneDigital.Content.Partners;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Benchmarks.Http;
using OneDigital.Content.Recipes;
using OneDigital.Content.Recipes.Staging;
using OneDigital.Web.Auth;

namespace OneDigital.Benchmarks.Scenarios;

/// <summary>
/// The hardening soak: for a fixed time the real site on loopback takes partner reads (GraphQL, cached and not),
/// writes (the Contents API, creating and republishing items), searches (the Lucene API) and, beside it, recipe
/// imports through the CLI's engine, as another process would. Every answer that is not a success is an error; the
/// site's memory is sampled throughout so a leak shows as a rising line rather than a single peak.
/// </summary>
public sealed class MixedLoadScenario : IScenario
{
    private const string ClientId = "mixed-load-partner";
    private const string ClientSecret = "mixed-load-partner-secret-0123456789-abcdefghij";
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(15);

    public string Name => "mixed";

    public string Description => "soak: GraphQL reads, Contents API writes, Lucene searches and recipe imports at once (--minutes, default 10)";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        await run.EnsureSeededAsync(run.Options.Items, ct);
        await using var site = await BenchmarkSite.StartAsync(run.Store, "--OneDigital:OpenId:RequireHttps=false");
        await RegisterPartnerAsync(site);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 8, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = site.Address, Timeout = TimeSpan.FromSeconds(60) };
        var token = await TokenAsync(http, ct);

        var duration = TimeSpan.FromMinutes(run.Options.Minutes);
        run.Log.WriteLine($"  mixed load for {duration.TotalMinutes:0.#} min on {run.SeededItems:N0} seeded items");
        var clock = Stopwatch.StartNew();
        bool Running() => clock.Elapsed < duration && !ct.IsCancellationRequested;

        var workloads = new[]
        {
            new Workload("GraphQL reads (anonymous)", r => GraphQLRead(r)),
            new Workload("GraphQL reads (anonymous)", r => GraphQLRead(r)),
            new Workload("Contents API writes", r => ContentWrite(r, token)),
            new Workload("Lucene API searches", r => Search(r, token)),
        };
        var memory = new List<(TimeSpan At, double WorkingSetMB, double HeapMB)>();
        var sampler = Task.Run(async () =>
        {
            while (Running())
            {
                memory.Add(SampleMemory(clock.Elapsed));
                await Task.Delay(SampleEvery, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            memory.Add(SampleMemory(clock.Elapsed));
        }, ct);
        var imports = new ImportWorkload();
        var tasks = workloads.Select((w, i) => w.RunAsync(http, new Random(1000 + i), Running, ct))
            .Append(imports.RunAsync(run, Running, ct))
            .ToArray();
        await Task.WhenAll(tasks);
        await sampler;

        var rows = new List<ResultRow>();
        foreach (var group in workloads.GroupBy(w => w.Name))
        {
            rows.Add(Row($"mixed {group.Key}", group.SelectMany(w => w.Latencies).ToList(), group.Sum(w => w.Errors), clock.Elapsed, group.SelectMany(w => w.FirstErrors).FirstOrDefault()));
        }
        rows.Add(Row("mixed recipe imports (50 items each)", imports.Latencies, imports.Errors, clock.Elapsed, imports.FirstError));
        if (imports.WriteLockHeld.Count > 0)
        {
            rows.Add(Row("mixed imports: store write lock held", imports.WriteLockHeld, 0, clock.Elapsed, null));
        }
        rows.Add(MemoryRow(memory));
        return rows;
    }

    private static async Task RegisterPartnerAsync(BenchmarkSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OpenIdApplications>().SaveAsync(new OpenIdApplicationRegistration(
            ClientId, "Mixed load partner", "Confidential", ClientSecret, AllowClientCredentialsFlow: true, ["Administrator"]));
    }

    private static async Task<string> TokenAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["scope"] = "api",
        }), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode
            ? (string)JsonNode.Parse(body)!["access_token"]!
            : throw new InvalidOperationException($"token request failed: {(int)response.StatusCode} {body}");
    }

    /// <summary>Pages at random offsets, so some answers come from the response cache and some from the store.</summary>
    private static HttpRequestMessage GraphQLRead(Random random)
    {
        var query = random.Next(3) switch
        {
            0 => $"{{ blogPost(first: 10, skip: {random.Next(0, 200)}, orderBy: {{ publishedUtc: DESC }}) {{ displayText autoroutePart {{ path }} publishedUtc }} }}",
            1 => $"{{ caseStudyConnection(first: 5, skip: {random.Next(0, 50)}) {{ totalCount items {{ displayText organisation {{ text }} }} }} }}",
            _ => "{ event(first: 20, orderBy: { event: { startsAt: DESC } }) { displayText startsAt { value } } }",
        };
        return Json(HttpMethod.Post, "/api/graphql", new JsonObject { ["query"] = query }, token: null);
    }

    /// <summary>Creates a case study, or republishes one this worker made, as a partner's editor would.</summary>
    private static HttpRequestMessage ContentWrite(Random random, string token)
    {
        var id = $"mixed{random.Next(0, 400):D4}";
        var item = new JsonObject
        {
            ["ContentItemId"] = id,
            ["ContentType"] = "CaseStudy",
            ["TitlePart"] = new JsonObject { ["Title"] = $"Mixed load case study {id} revision {random.Next()}" },
            ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = "A Digital Champion helped **twelve** neighbours get online this month." },
            ["CaseStudy"] = new JsonObject
            {
                ["Summary"] = new JsonObject { ["Text"] = "Getting online together in a community library." },
                ["Organisation"] = new JsonObject { ["Text"] = "Mixed Load Community Library" },
            },
        };
        return Json(HttpMethod.Post, "/api/content?draft=false", item, token);
    }

    private static readonly string[] SearchWords = ["digital", "champion", "workshop", "library", "online", "learning", "community"];

    private static HttpRequestMessage Search(Random random, string token)
    {
        var query = new JsonObject
        {
            ["query"] = new JsonObject { ["match"] = new JsonObject { ["Content.ContentItem.FullText"] = SearchWords[random.Next(SearchWords.Length)] } },
            ["size"] = 10,
        };
        var body = new JsonObject { ["indexName"] = "Search", ["query"] = query.ToJsonString() };
        return Json(HttpMethod.Post, "/api/lucene/content", body, token);
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, JsonObject body, string? token)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static (TimeSpan, double, double) SampleMemory(TimeSpan at)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (at, process.WorkingSet64 / 1048576.0, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / 1048576.0);
    }

    private static ResultRow Row(string name, List<double> latencies, int errors, TimeSpan elapsed, string? firstError)
    {
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        if (firstError is not null) Console.WriteLine($"  {name}: first error: {firstError}");
        return new ResultRow(name,
        [
            ("requests", sorted.Length.ToString("N0", CultureInfo.InvariantCulture)),
            ("errors", errors.ToString(CultureInfo.InvariantCulture)),
            ("per s", (sorted.Length / elapsed.TotalSeconds).ToString("N1", CultureInfo.InvariantCulture)),
            ("p50 ms", Percentile(0.50).ToString("0.0", CultureInfo.InvariantCulture)),
            ("p99 ms", Percentile(0.99).ToString("0.0", CultureInfo.InvariantCulture)),
            ("max ms", (sorted.Length == 0 ? double.NaN : sorted[^1]).ToString("0.0", CultureInfo.InvariantCulture)),
        ]);
    }

    /// <summary>Memory in the first sample after warm-up against the last, and the highest seen between.</summary>
    private static ResultRow MemoryRow(List<(TimeSpan At, double WorkingSetMB, double HeapMB)> samples)
    {
        var warm = samples.FirstOrDefault(s => s.At >= TimeSpan.FromMinutes(1), samples[0]);
        var last = samples[^1];
        string Mb(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine("  memory samples (s: working set MB / GC heap MB): " + string.Join(", ",
            samples.Select(s => $"{s.At.TotalSeconds:0}: {Mb(s.WorkingSetMB)}/{Mb(s.HeapMB)}")));
        return new ResultRow("mixed memory (working set, GC heap)",
        [
            ("after 1 min MB", $"{Mb(warm.WorkingSetMB)} / {Mb(warm.HeapMB)}"),
            ("at end MB", $"{Mb(last.WorkingSetMB)} / {Mb(last.HeapMB)}"),
            ("max MB", $"{Mb(samples.Max(s => s.WorkingSetMB))} / {Mb(samples.Max(s => s.HeapMB))}"),
            ("samples", samples.Count.ToString(CultureInfo.InvariantCulture)),
        ]);
    }

    /// <summary>One closed-loop client: sends its next request when the last one answered.</summary>
    private sealed class Workload(string name, Func<Random, HttpRequestMessage> next)
    {
        public string Name { get; } = name;
        public List<double> Latencies { get; } = [];
        public List<string> FirstErrors { get; } = [];
        public int Errors { get; private set; }

        public async Task RunAsync(HttpClient http, Random random, Func<bool> running, CancellationToken ct)
        {
            while (running())
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var request = next(random);
                    using var response = await http.SendAsync(request, ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotModified
                        || body.Contains("\"errors\"", StringComparison.Ordinal))
                    {
                        Fail($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    Fail(ex.Message);
                }
            }
        }

        private void Fail(string message)
        {
            Errors++;
            if (FirstErrors.Count == 0) FirstErrors.Add(message);
        }
    }

    /// <summary>
    /// Imports a recipe of 50 new events every few seconds through the CLI's staged import on the benchmark's own
    /// services, as <c>import</c> does from another process beside the running site.
    /// </summary>
    private sealed class ImportWorkload
    {
        private int _run;
        public List<double> Latencies { get; } = [];
        public List<double> WriteLockHeld { get; } = [];
        public int Errors { get; private set; }
        public string? FirstError { get; private set; }

        public async Task RunAsync(BenchmarkRun run, Func<bool> running, CancellationToken ct)
        {
            while (running())
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await using var scope = run.Store.Services.CreateAsyncScope();
                    var recipe = RecipeDescriptor.Parse(Recipe(++_run), Path.GetTempPath());
                    var result = await scope.ServiceProvider.GetRequiredService<StagedImport>().ImportAsync(recipe,
                        new RecipeParameters { AdminUserId = "benchmark-admin", AdminUsername = "admin", SiteName = "One Digital benchmark" }, ct);
                    Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (result.WriteLockHeld is { } held) WriteLockHeld.Add(held.TotalMilliseconds);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    Errors++;
                    FirstError ??= ex.Message;
                }
                await Task.Delay(TimeSpan.FromSeconds(5), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        private static string Recipe(int run)
        {
            var items = new JsonArray();
            for (var i = 0; i < 50; i++)
            {
                var starts = new DateTime(2027, 1, 1, 10, 0, 0, DateTimeKind.Utc).AddDays(run).AddHours(i % 8);
                items.Add(new JsonObject
                {
                    ["ContentItemId"] = $"mixedimport{run:D4}x{i:D2}",
                    ["ContentType"] = "Event",
                    ["Published"] = true,
                    ["Latest"] = true,
                    ["DisplayText"] = $"Imported workshop {run}-{i}",
                    ["TitlePart"] = new JsonObject { ["Title"] = $"Imported workshop {run}-{i}" },
                    ["Event"] = new JsonObject
                    {
                        ["StartsAt"] = new JsonObject { ["Value"] = starts.ToString("O", CultureInfo.InvariantCulture) },
                        ["Online"] = new JsonObject { ["Value"] = i % 2 == 0 },
                    },
                });
            }
            var recipe = new JsonObject
            {
                ["name"] = $"mixed-import-{run}",
                ["steps"] = new JsonArray { new JsonObject { ["name"] = "content", ["data"] = items } },
            };
            return recipe.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        }
    }
}
