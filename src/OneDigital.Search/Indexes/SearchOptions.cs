// Why: the indexer and its worker read these on every batch; they are bound once from OneDigital:Search and a value
// that cannot work (a zero interval, an empty batch) stops the start naming its key.
namespace OneDigital.Search.Indexes;

/// <summary>Search settings under <c>OneDigital:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "OneDigital:Search";

    /// <summary>How often the background worker looks for other nodes' changes (<c>WorkerIntervalSeconds</c>, default 2).</summary>
    public double WorkerIntervalSeconds { get; set; } = 2;

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
    public double GapWaitSeconds { get; set; } = 10;

    public TimeSpan WorkerInterval => TimeSpan.FromSeconds(WorkerIntervalSeconds);

    public TimeSpan GapWait => TimeSpan.FromSeconds(GapWaitSeconds);
}
