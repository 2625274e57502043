using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Benchmarks.Http;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Storage;
using OneDigital.Content.Media.Images;
using OneDigital.Content.Store;
using OneDigital.Web.Media;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace OneDigital.Benchmarks.Scenarios;

/// <summary>
/// Issue 12's media numbers: resize throughput (a generated 4000 × 3000 JPEG made at a few widths, in process, one
/// at a time) and, over HTTP (2 connections, wrk when installed), a cached variant next to the original image and a
/// theme stylesheet, both static files of the same server.
/// </summary>
public sealed class MediaScenario : IScenario
{
    private const int Connections = 2;
    private const string Photo = "benchmark/photo.jpg";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);
    private static readonly int[] Widths = [240, 1024, 2048];

    public string Name => "media";

    public string Description => "resize a 4000x3000 JPEG (images/s at 3 widths, jpg and webp); cached variant vs static files over HTTP (2 connections)";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        await run.SeederAsync();
        var rows = new List<ResultRow>();
        var originals = run.Store.Services.GetRequiredService<MediaOriginals>();
        var root = run.Store.Services.GetRequiredService<FolderMediaFileStore>().Root;
        var file = Path.Combine(root, Photo);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        WritePhoto(file);
        var original = originals.Find(Photo)!;
        run.Log.WriteLine($"  photo: 4000 x 3000 JPEG, {original.Length / 1024.0:N0} KB");

        var resizer = new ImageResizer(new MediaImageOptions());
        foreach (var format in new[] { ImageOutputFormat.Jpg, ImageOutputFormat.WebP })
        {
            foreach (var width in Widths)
            {
                rows.Add(await ResizeRowAsync(resizer, original, width, format, ct));
            }
        }

        await using var site = await BenchmarkSite.StartAsync(run.Store);
        using var client = new HttpClient { BaseAddress = site.Address };
        var variant = $"/media/{Photo}?width=480&format=webp&v={original.Stamp}";
        var variantBytes = (await client.GetByteArrayAsync(variant, ct)).Length;
        var stylesheet = "/theme/css/site.css";
        var stylesheetBytes = (await client.GetByteArrayAsync(stylesheet, ct)).Length;
        var small = "benchmark/small.jpg";
        await File.WriteAllBytesAsync(Path.Combine(root, small), await client.GetByteArrayAsync($"/media/{Photo}?width=480&format=jpg", ct), ct);
        var smallUrl = $"/media/{small}?v={originals.Find(small)!.Stamp}";
        var smallBytes = (await client.GetByteArrayAsync(smallUrl, ct)).Length;

        run.Log.WriteLine($"  load: {(WrkRun.Available ? "wrk" : "the benchmark's own client (wrk not installed)")}, {Connections} connections, {Duration.TotalSeconds:0} s per run");
        var yardstick = await LoadAsync(site.Address, stylesheet, stylesheetBytes, ct);
        rows.Add(LoadRow("media: theme stylesheet (static file)", yardstick, yardstick));
        rows.Add(LoadRow("media: original 480 px JPEG (/media)", await LoadAsync(site.Address, smallUrl, smallBytes, ct), yardstick));
        rows.Add(LoadRow("media: cached variant 480 px WebP", await LoadAsync(site.Address, variant, variantBytes, ct), yardstick));
        rows.Add(new ResultRow("media run", [("peak memory (MB)", MemoryProbe.PeakWorkingSetMB().ToString("F0", CultureInfo.InvariantCulture))]));
        return rows;
    }

    private static void WritePhoto(string file)
    {
        // A gradient with detail, so the encoder has something to do (a flat image would flatter the numbers).
        using var image = new Image<Rgb24>(4000, 3000);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24((byte)(x * 255 / 4000), (byte)(y * 255 / 3000), (byte)((x ^ y) & 0xFF));
                }
            }
        });
        image.SaveAsJpeg(file);
    }

    private static async Task<ResultRow> ResizeRowAsync(ImageResizer resizer, MediaOriginal original, int width, ImageOutputFormat format, CancellationToken ct)
    {
        const int rounds = 4;
        var resize = new ImageResize { Width = width, Format = format };
        long bytes = 0;
        await resizer.ResizeAsync(original.Open, resize, format, Stream.Null, ct);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            using var output = new MemoryStream();
            await resizer.ResizeAsync(original.Open, resize, format, output, ct);
            bytes = output.Length;
        }
        clock.Stop();
        return new ResultRow($"media resize 4000x3000 -> {width} {ImageResize.FormatName(format)}",
        [
            ("images/s", (rounds / clock.Elapsed.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture)),
            ("ms each", (clock.Elapsed.TotalMilliseconds / rounds).ToString("F0", CultureInfo.InvariantCulture)),
            ("body bytes", bytes.ToString("N0", CultureInfo.InvariantCulture)),
        ]);
    }

    private static Task<LoadResult> LoadAsync(Uri site, string path, int bodyBytes, CancellationToken ct) =>
        WrkRun.Available
            ? WrkRun.GetAsync(new Uri(site, path), bodyBytes, Connections, Duration, ct)
            : LoadRun.RunAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(site, path)), Connections, WarmUp, Duration, ct);

    private static ResultRow LoadRow(string scenario, LoadResult result, LoadResult yardstick) => new(scenario,
    [
        ("requests/s", result.Rps),
        ("p50 ms", result.P50),
        ("p99 ms", result.P99),
        ("failed", result.Failures.ToString(CultureInfo.InvariantCulture)),
        ("body bytes", result.BodyBytes.ToString("N0", CultureInfo.InvariantCulture)),
        ("of static", (result.RequestsPerSecond / yardstick.RequestsPerSecond).ToString("P0", CultureInfo.InvariantCulture)),
    ]);
}
