using OneDigital.Content.Store;

namespace OneDigital.Web.Setup;

/// <summary>
/// Takes the data folder's lock before any other part of the site starts (it is registered first), so a second site
/// on the same folder stops before it opens the store or an index, with a message naming the folder and the holder's
/// pid. Released last, when the site has stopped.
/// </summary>
internal sealed class DataFolderLockService(StoreOptions store, ILogger<DataFolderLockService> logger) : IHostedService, IDisposable
{
    private DataFolderLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = DataFolderLock.Acquire(store.DataDir);
        logger.LogDebug("Holding the data folder {Folder}", _lock.Folder);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
