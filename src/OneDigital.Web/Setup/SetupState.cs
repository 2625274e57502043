namespace OneDigital.Web.Setup;

/// <summary>Whether this process has seen the store set up (by itself or by another process), or setup failed.</summary>
public sealed class SetupState
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _done.Task.IsCompletedSuccessfully;

    public bool Failed => _done.Task.IsFaulted;

    /// <summary>Completes when setup is done, faults with its error, or is cancelled when the host stops first.</summary>
    public Task Completion => _done.Task;

    internal void Ready() => _done.TrySetResult();

    internal void Fail(Exception error) => _done.TrySetException(error);

    internal void Cancel() => _done.TrySetCanceled();
}
