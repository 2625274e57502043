namespace OneDigital.Content.Store;

/// <summary>
/// A <see cref="CommitSignal"/> for a worker that polls: at most one wake is pending, since one look covers every
/// commit made before it.
/// </summary>
public abstract class WakeSignal : CommitSignal
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
            // Already pending.
        }
    }

    /// <summary>Returns true when woken, false when the interval passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan interval, CancellationToken ct) => _wake.WaitAsync(interval, ct);
}
