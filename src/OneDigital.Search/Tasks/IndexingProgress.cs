// Why: a rebuild of a large site takes minutes; the admin shows how far it has got. The writer threads advance one
// counter each, so the count is an Interlocked long and the rest is written once by the pass that owns the work.
namespace OneDigital.Search.Tasks;

/// <summary>A rebuild or reset this node is carrying out (or last carried out) on one index, as a snapshot.</summary>
/// <param name="Action">"Rebuild" (documents read from the store) or "Reset" (tasks of the log applied again).</param>
/// <param name="Done">Rows read (a rebuild) or tasks applied (a reset) so far.</param>
/// <param name="Total">How many there are to do, counted when the work started.</param>
/// <param name="Documents">The documents the finished rebuild wrote (rows of other cultures are skipped).</param>
public sealed record IndexingProgress(
    string IndexName,
    string Action,
    long Done,
    long Total,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    int? Documents,
    string? Failure)
{
    public bool Running => FinishedUtc is null;
}

/// <summary>The counter one piece of work advances; <see cref="SearchIndexer.ProgressOf"/> hands out snapshots.</summary>
internal sealed class ProgressCounter(string indexName, string action, long total, DateTime startedUtc)
{
    private long _done;
    private volatile Outcome? _finish;

    public void Advance(long count = 1) => Interlocked.Add(ref _done, count);

    public void Finish(DateTime finishedUtc, int? documents, string? failure) => _finish = new Outcome(finishedUtc, documents, failure);

    public IndexingProgress Snapshot()
    {
        var finish = _finish;
        var done = Interlocked.Read(ref _done);
        return new IndexingProgress(indexName, action, done, Math.Max(done, total), startedUtc, finish?.FinishedUtc, finish?.Documents, finish?.Failure);
    }

    private sealed record Outcome(DateTime FinishedUtc, int? Documents, string? Failure);
}
