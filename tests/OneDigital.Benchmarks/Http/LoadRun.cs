using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace OneDigital.Benchmarks.Http;

/// <summary>What a load run measured: throughput and latency percentiles over the requests that succeeded.</summary>
public sealed record LoadResult(int Requests, int Failures, double RequestsPerSecond, double P50Ms, double P99Ms, int BodyBytes)
{
    public string Rps => RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture);
    public string P50 => P50Ms.ToString("0.00", CultureInfo.InvariantCulture);
    public string P99 => P99Ms.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>
/// A closed-loop load: a fixed number of connections, each sending its next request when the last one answered,
/// for a fixed time after a warm-up. The client shares the machine's cores with the server, for every endpoint alike,
/// so compare ratios measured in one run rather than absolute figures.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(
        Func<HttpRequestMessage> request, int connections, TimeSpan warmUp, TimeSpan duration, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        // The first answer tells the body size and proves the request works before anything is timed.
        using (var first = await client.SendAsync(request(), ct))
        {
            var body = await first.Content.ReadAsStringAsync(ct);
            if (!first.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{(int)first.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
            }
        }
        await RunPhaseAsync(client, request, connections, warmUp, record: false, ct);
        return await RunPhaseAsync(client, request, connections, duration, record: true, ct);
    }

    private static async Task<LoadResult> RunPhaseAsync(
        HttpClient client, Func<HttpRequestMessage> request, int connections, TimeSpan duration, bool record, CancellationToken ct)
    {
        var latencies = new List<double>[connections];
        var failures = 0;
        var bodyBytes = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request(), HttpCompletionOption.ResponseContentRead, ct);
                var bytes = await response.Content.ReadAsByteArrayAsync(ct);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotModified)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }
                bodyBytes = bytes.Length;
                mine.Add(elapsed);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        if (!record)
        {
            return new LoadResult(0, 0, 0, 0, 0, 0);
        }
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, failures, all.Length / seconds, Percentile(all, 0.50), Percentile(all, 0.99), bodyBytes);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
