using OneDigital.Content.Store;

namespace OneDigital.Content.Writing;

/// <summary>Wakes <see cref="WritingChecksWorker"/> when an import that left published items unchecked commits.</summary>
public sealed class WritingChecksSignal : CommitSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public override void Signal()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pending: one wake covers every commit before the worker looks.
        }
    }

    /// <summary>Returns true when woken, false when the interval passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan interval, CancellationToken ct) => _wake.WaitAsync(interval, ct);
}
