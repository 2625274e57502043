using OneDigital.Content.Store;

namespace OneDigital.Content.Indexing;

/// <summary>Tells this node's indexer that tasks were committed, so its own writes are searchable at once instead of at the next poll.</summary>
public sealed class IndexingSignal : CommitSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next commit that carried indexing tasks (or at <see cref="Signal"/>).</summary>
    public Task NextAsync()
    {
        lock (_gate) return _next.Task;
    }

    public override void Signal()
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            done = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult();
    }
}
