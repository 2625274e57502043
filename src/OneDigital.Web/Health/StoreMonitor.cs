namespace OneDigital.Web.Health;

/// <summary>
/// Runs the store identity check every second once the site has opened its store, so a vanished or swapped store
/// stops writes and reaches the log within a second even when nobody asks <c>/health</c>. The commit-time check in
/// the store covers the same second for a deleted SQLite file; a loss that check finds is logged here.
/// </summary>
internal sealed class StoreMonitor(StoreWatch watch, Content.Store.StoreCondition condition, ILogger<StoreMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await condition.Opened.WaitAsync(stoppingToken);
            while (!watch.Reported)
            {
                try
                {
                    await watch.CheckAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "The store identity check failed; it is tried again in a second.");
                }
                await Task.Delay(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
