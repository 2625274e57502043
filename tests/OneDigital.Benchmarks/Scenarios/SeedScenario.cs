using System.Diagnostics;
using System.Globalization;

namespace OneDigital.Benchmarks.Scenarios;

/// <summary>
/// Seeds the requested number of items through the content manager, the way editors and imports create them
/// (new, then create and publish; learning submissions stay drafts), and measures rate, store size and memory.
/// </summary>
public sealed class SeedScenario : IScenario
{
    public string Name => "seed";

    public string Description => "create N items of the One Digital model through ContentManager (batches of --batch per transaction)";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        var seeder = await run.SeederAsync();
        run.Store.Commands.Reset();
        run.Store.Handlers.Reset();
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = MemoryProbe.Collections();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var stats = await seeder.SeedAsync(run.Options.Items, ct, progress: (done, elapsed) =>
            run.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done,9:N0} items  {elapsed.TotalSeconds,7:F1} s  {done / elapsed.TotalSeconds,7:F0} items/s  working set {Environment.WorkingSet / 1048576.0:F0} MB")));
        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        // CPU time shows the cost apart from waiting for a machine that other work shares.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var size = await run.Store.SizeOnDiskAsync();
        run.Log.WriteLine($"items by type: {string.Join(", ", stats.ByType.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:N0}"))}");
        if (run.Options.Profile)
        {
            run.Log.WriteLine(Profile.Format(stats, run.Store.Commands, run.Store.Handlers, clock.Elapsed));
        }
        return
        [
            new ResultRow(Name,
            [
                ("items", run.Options.Items.ToString("N0", CultureInfo.InvariantCulture)),
                ("seconds", seconds.ToString("F1", CultureInfo.InvariantCulture)),
                ("items/s", (run.Options.Items / seconds).ToString("N0", CultureInfo.InvariantCulture)),
                ("CPU seconds", cpuSeconds.ToString("F1", CultureInfo.InvariantCulture)),
                ("store on disk (MB)", (size / 1048576.0).ToString("F1", CultureInfo.InvariantCulture)),
                ("peak memory (MB)", MemoryProbe.PeakWorkingSetMB().ToString("F0", CultureInfo.InvariantCulture)),
                ("GC", MemoryProbe.GcSummary(allocated, collections)),
            ]),
        ];
    }
}
