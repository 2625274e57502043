using OneDigital.Content.Store;

namespace OneDigital.Content.Webhooks;

/// <summary>Wakes the dispatcher when deliveries are committed, so they leave at once rather than at the next poll.</summary>
public sealed class WebhookCommitSignal : CommitSignal
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
            // Already awake-pending: one wake covers every commit before the dispatcher looks.
        }
    }

    /// <summary>Returns true when woken, false when the interval passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan interval, CancellationToken ct) => _wake.WaitAsync(interval, ct);
}
