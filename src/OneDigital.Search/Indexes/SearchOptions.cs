using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OneDigital.Search.Indexes;

/// <summary>Search settings under <c>OneDigital:Search</c>.</summary>
public sealed class SearchOptions
{
    /// <summary>How often the background worker looks for other nodes' changes (<c>WorkerIntervalSeconds</c>, default 2).</summary>
    public TimeSpan WorkerInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Tasks applied per batch, each batch one commit (<c>BatchSize</c>, default 200).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Items read per page during a rebuild (<c>RebuildPageSize</c>, default 1000).</summary>
    public int RebuildPageSize { get; set; } = 1000;

    /// <summary>The index writer's buffer before it flushes a segment (<c>RamBufferMB</c>, default 64).</summary>
    public double RamBufferMB { get; set; } = 64;

    /// <summary>
    /// How long a hole in the task ids is waited for before it is taken as a rolled-back insert
    /// (<c>GapWaitSeconds</c>, default 10). On PostgreSQL a transaction can commit a later id before an earlier one.
    /// </summary>
    public TimeSpan GapWait { get; set; } = TimeSpan.FromSeconds(10);

    public static SearchOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("OneDigital:Search");
        var options = new SearchOptions();
        if (Number(section, "WorkerIntervalSeconds") is { } interval) options.WorkerInterval = TimeSpan.FromSeconds(interval);
        if (Number(section, "BatchSize") is { } batch) options.BatchSize = Math.Max(1, (int)batch);
        if (Number(section, "RebuildPageSize") is { } page) options.RebuildPageSize = Math.Max(1, (int)page);
        if (Number(section, "RamBufferMB") is { } ram) options.RamBufferMB = ram;
        if (Number(section, "GapWaitSeconds") is { } gap) options.GapWait = TimeSpan.FromSeconds(gap);
        return options;
    }

    private static double? Number(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new InvalidOperationException($"OneDigital:Search:{key} must be a positive number, not '{text}'.")
            : null;
}
