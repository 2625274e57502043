using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace OneDigital.Benchmarks;

/// <summary>
/// CPU time spent by this process and, on PostgreSQL, by the server's backends serving the benchmark's database,
/// between <see cref="StartAsync"/> and <see cref="StopAsync"/>. Wall-clock rates on a shared machine are noise; CPU
/// per item or per request says what the work costs, and the split says whether it is ours or the server's.
/// </summary>
public sealed class CpuMeter
{
    private readonly string? _postgresDatabase;
    private readonly string? _postgresAdminConnection;
    private TimeSpan _processStart;
    private Dictionary<int, TimeSpan> _serverStart = [];

    private CpuMeter(string? postgresAdminConnection, string? postgresDatabase)
    {
        _postgresAdminConnection = postgresAdminConnection;
        _postgresDatabase = postgresDatabase;
    }

    public static async Task<CpuMeter> StartAsync(BenchmarkStore store)
    {
        var meter = new CpuMeter(store.PostgresAdminConnection, store.PostgresDatabase);
        meter._processStart = ProcessTime();
        meter._serverStart = await meter.BackendTimesAsync();
        return meter;
    }

    /// <summary>CPU ms per unit: this process, and the server's backends (null when not on PostgreSQL or unreadable).</summary>
    public async Task<(double Process, double? Server)> StopAsync(int units)
    {
        var process = (ProcessTime() - _processStart).TotalMilliseconds / Math.Max(1, units);
        if (_postgresDatabase is null)
        {
            return (process, null);
        }
        var end = await BackendTimesAsync();
        if (end.Count == 0)
        {
            return (process, null);
        }
        // A backend that left between the readings is lost; one that came is counted from zero.
        var server = end.Sum(b => (b.Value - _serverStart.GetValueOrDefault(b.Key)).TotalMilliseconds);
        return (process, server / Math.Max(1, units));
    }

    public static IEnumerable<(string Column, string Value)> Cells((double Process, double? Server) cpu, string unit)
    {
        yield return ($"CPU ms/{unit}", cpu.Process.ToString("F2", CultureInfo.InvariantCulture));
        if (cpu.Server is { } server)
        {
            yield return ($"PG CPU ms/{unit}", server.ToString("F2", CultureInfo.InvariantCulture));
        }
    }

    private static TimeSpan ProcessTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>utime + stime of each backend connected to the database, read from /proc (the server runs on this machine).</summary>
    private async Task<Dictionary<int, TimeSpan>> BackendTimesAsync()
    {
        var times = new Dictionary<int, TimeSpan>();
        if (_postgresDatabase is null || _postgresAdminConnection is null || !OperatingSystem.IsLinux())
        {
            return times;
        }
        await using var connection = new NpgsqlConnection(_postgresAdminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @d", connection);
        command.Parameters.AddWithValue("d", _postgresDatabase);
        var pids = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) pids.Add(reader.GetInt32(0));
        }
        foreach (var pid in pids)
        {
            try
            {
                // Fields after the command name's closing parenthesis: utime and stime are the 12th and 13th.
                var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                times[pid] = TimeSpan.FromSeconds(ticks / 100.0);
            }
            catch (IOException)
            {
                // The server is not on this machine, or the backend has gone.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return times;
    }
}
