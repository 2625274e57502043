using System.Diagnostics;
using System.Globalization;

namespace OneDigital.Benchmarks;

/// <summary>The process's memory as the results table shows it: peak working set and what the GC saw.</summary>
public static class MemoryProbe
{
    private const double MB = 1024 * 1024;

    public static double PeakWorkingSetMB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / MB;
    }

    /// <summary>Managed heap now, the largest heap a GC saw, bytes allocated and collections per generation.</summary>
    public static string GcSummary(long allocatedBefore, int[] collectionsBefore)
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var allocated = (GC.GetTotalAllocatedBytes() - allocatedBefore) / MB / 1024;
        var collections = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"heap {GC.GetTotalMemory(false) / MB:F0} MB, {allocated:F1} GB allocated, gen0/1/2 {collections[0]}/{collections[1]}/{collections[2]}, last GC heap {info.HeapSizeBytes / MB:F0} MB");
    }

    public static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
}
