using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OneDigital.Content.Store;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tasks;

namespace OneDigital.Benchmarks.Scenarios;

/// <summary>
/// A full rebuild of the One Digital recipe's <c>Search</c> index from the seeded store: read in pages, documents
/// built in parallel, one writer, one commit. Measures documents/s, CPU, index size and memory.
/// </summary>
public sealed class RebuildScenario : IScenario
{
    public string Name => "rebuild";

    public string Description => "rebuild the Search Lucene index from the store (seeds --items first if needed)";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        await run.EnsureSeededAsync(run.Options.Items, ct);
        var store = run.Store.Services.GetRequiredService<StoreOptions>();
        var options = new SearchOptions();
        using var indexes = new LuceneIndexes(store, options);
        var indexer = new SearchIndexer(run.Store.Services.GetRequiredService<IServiceScopeFactory>(), indexes, options, TimeProvider.System, NullLogger<SearchIndexer>.Instance);

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = MemoryProbe.Collections();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await indexer.RebuildAsync("Search", ct);
        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var gc = MemoryProbe.GcSummary(allocated, collections);
        var size = new DirectoryInfo(indexes.PathOf("Search")).EnumerateFiles().Sum(f => f.Length);
        var seconds = clock.Elapsed.TotalSeconds;
        return
        [
            new ResultRow(Name,
            [
                ("items", run.SeededItems.ToString("N0", CultureInfo.InvariantCulture)),
                ("documents", result.Documents.ToString("N0", CultureInfo.InvariantCulture)),
                ("seconds", seconds.ToString("F1", CultureInfo.InvariantCulture)),
                ("documents/s", (result.Documents / seconds).ToString("N0", CultureInfo.InvariantCulture)),
                ("CPU seconds", cpuSeconds.ToString("F1", CultureInfo.InvariantCulture)),
                ("index on disk (MB)", (size / 1048576.0).ToString("F1", CultureInfo.InvariantCulture)),
                ("peak memory (MB)", MemoryProbe.PeakWorkingSetMB().ToString("F0", CultureInfo.InvariantCulture)),
                ("GC", gc),
            ]),
        ];
    }
}
