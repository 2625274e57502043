using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OneDigital.Benchmarks.Http;

/// <summary>
/// The same POST sent by wrk (a native load generator, so the client costs the server's cores less than
/// <see cref="LoadRun"/>'s): a fixed number of connections for a fixed time, read back as a <see cref="LoadResult"/>.
/// </summary>
public static partial class WrkRun
{
    public static bool Available { get; } = File.Exists("/usr/bin/wrk") || File.Exists("/usr/local/bin/wrk");

    public static Task<LoadResult> RunAsync(Uri url, string jsonBody, int bodyBytes, int connections, TimeSpan duration, CancellationToken ct) =>
        // A Lua long string ([==[ ... ]==]) holds the JSON as it is.
        RunScriptAsync(url, $"wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = [==[{jsonBody}]==]\n", bodyBytes, connections, duration, ct);

    /// <summary>GETs of one URL (a media file, a theme asset).</summary>
    public static Task<LoadResult> GetAsync(Uri url, int bodyBytes, int connections, TimeSpan duration, CancellationToken ct) =>
        GetAsync(url, new Dictionary<string, string>(), bodyBytes, connections, duration, ct);

    /// <summary>GETs of <paramref name="url"/> with these request headers (e.g. a browser's Accept-Encoding).</summary>
    public static Task<LoadResult> GetAsync(Uri url, IReadOnlyDictionary<string, string> headers, int bodyBytes, int connections, TimeSpan duration, CancellationToken ct) =>
        RunScriptAsync(url, string.Concat(headers.Select(h => $"wrk.headers[ [==[{h.Key}]==] ] = [==[{h.Value}]==]\n")), bodyBytes, connections, duration, ct);

    private static async Task<LoadResult> RunScriptAsync(Uri url, string lua, int bodyBytes, int connections, TimeSpan duration, CancellationToken ct)
    {
        var script = Path.Combine(Path.GetTempPath(), $"onedigital-wrk-{Environment.ProcessId}-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, lua, ct);
        try
        {
            var start = new ProcessStartInfo("wrk")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { "-t", "1", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{(int)duration.TotalSeconds}s", "--latency", "-s", script, url.AbsoluteUri })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
            var output = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk failed: {await process.StandardError.ReadToEndAsync(ct)}");
            }
            var requests = int.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            var failures = NonSuccessLine().Match(output) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var rps = double.Parse(RpsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            return new LoadResult(requests, failures, rps, Percentile(output, "50"), Percentile(output, "99"), bodyBytes);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static double Percentile(string output, string p)
    {
        var match = Regex.Match(output, $@"^\s+{p}(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s*(\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Requests/sec:\s*([\d.]+)")]
    private static partial Regex RpsLine();
}
