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

    /// <summary>
    /// One line for the log at a phase's end: its peak and what is resident now by kind (anonymous: the GC heap, native
    /// allocations such as SQLite's page caches; file: mapped files such as Lucene's segments and the assemblies), the
    /// managed heap and SQLite's own allocations; then a new peak starts, so the next line shows the next phase's.
    /// </summary>
    public static string Phase(string name)
    {
        // A PostgreSQL run never opens a SQLite connection, which is what loads SQLite's native library otherwise.
        SQLitePCL.Batteries_V2.Init();
        var status = OperatingSystem.IsLinux() ? ReadStatus() : new Dictionary<string, double>();
        double Kb(string key) => status.TryGetValue(key, out var kb) ? kb / 1024 : double.NaN;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  memory after {name}: peak {PeakSinceResetMB():F0} MB; now {Kb("VmRSS"):F0} MB (anon {Kb("RssAnon"):F0}, file {Kb("RssFile"):F0}, shmem {Kb("RssShmem"):F0}); GC heap {GC.GetTotalMemory(false) / MB:F0} MB, committed {GC.GetGCMemoryInfo().TotalCommittedBytes / MB:F0} MB; SQLite {SQLitePCL.raw.sqlite3_memory_used() / MB:F0} MB (high {SQLitePCL.raw.sqlite3_memory_highwater(1) / MB:F0} MB), {OpenDatabaseFiles()} open SQLite files");
        ResetPeak();
        return line;
    }

    // Each SQLite connection holds its database file open, so the count says how many connections the pools keep.
    private static int OpenDatabaseFiles()
    {
        if (!OperatingSystem.IsLinux()) return -1;
        var count = 0;
        foreach (var fd in Directory.EnumerateFiles("/proc/self/fd"))
        {
            try { if (new FileInfo(fd).LinkTarget is { } target && target.EndsWith(".db", StringComparison.Ordinal)) count++; }
            catch (IOException) { }
        }
        return count;
    }

    private static Dictionary<string, double> ReadStatus() => File.ReadLines("/proc/self/status")
        .Select(l => l.Split(':', 2))
        .Where(p => p.Length == 2 && p[1].TrimEnd().EndsWith(" kB", StringComparison.Ordinal))
        .ToDictionary(p => p[0], p => double.Parse(p[1].Trim()[..^3], CultureInfo.InvariantCulture));

    public static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
}
