using System.Diagnostics;
using System.Globalization;

namespace OneDigital.Benchmarks;

/// <summary>The process's memory as the results table shows it: peak working set and what the GC saw.</summary>
public static class MemoryProbe
{
    private const double MB = 1024 * 1024;

    // The highest peak before the last ResetPeak, so the run's peak still covers every part of it.
    private static double _peakBeforeReset;

    /// <summary>The process's peak working set over the whole run.</summary>
    public static double PeakWorkingSetMB() => Math.Max(_peakBeforeReset, PeakSinceResetMB());

    /// <summary>The peak working set since <see cref="ResetPeak"/> (on Linux; elsewhere over the whole run).</summary>
    public static double PeakSinceResetMB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / MB;
    }

    /// <summary>
    /// Starts a new peak, so a row shows its own part's peak rather than an earlier part's: Linux resets the
    /// process's high-water mark when "5" is written to /proc/self/clear_refs.
    /// </summary>
    public static void ResetPeak()
    {
        _peakBeforeReset = PeakWorkingSetMB();
        if (OperatingSystem.IsLinux())
        {
            try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
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
