// Why: scheduled changes must happen without anyone asking: each node looks for due rows on its own clock, and the
// first pass after start runs everything that came due while the node (or the whole site) was down.
using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneDigital.Content.Store;

namespace OneDigital.Content.Scheduling;

/// <summary>Runs <see cref="ScheduledChangeRunner.RunDueAsync"/> once the store is open, then every <see cref="SchedulingOptions.PollInterval"/>.</summary>
public sealed class SchedulingWorker(
    ScheduledChangeRunner runner,
    StoreCondition store,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<SchedulingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Not before setup has migrated the store: the schedule table may not exist yet.
            await store.Opened.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await runner.RunDueAsync(stoppingToken);
                if (result.Total > 0)
                {
                    logger.LogInformation("Scheduled changes: {Completed} made, {Skipped} skipped, {Failed} failed, {Lost} left to another node or a later attempt.",
                        result.Completed, result.Skipped, result.Failed, result.Lost);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbException ex)
            {
                // The store was unreachable for a moment: the next poll tries again.
                logger.LogWarning(ex, "Looking for due scheduled changes failed; the next poll tries again.");
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Looking for due scheduled changes failed; the next poll tries again.");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
