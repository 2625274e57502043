// Why: retention is enforced by each node on its own timer and claims nothing: the purge is one idempotent DELETE of
// a time range, so two nodes running it together delete each row once and neither needs to know of the other.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneDigital.Content.Store;

namespace OneDigital.Content.Audit;

public sealed class AuditPurge(
    IServiceScopeFactory scopes,
    IOptionsMonitor<AuditOptions> options,
    StoreCondition store,
    TimeProvider clock,
    ILogger<AuditPurge> logger)
    : BackgroundService
{
    /// <summary>Runs one purge now with the current retention; returns how many rows went.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().PurgeAsync(options.CurrentValue.RetentionDays, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Not before setup has opened the store: on SQLite a query would create an empty database file where a
            // lost store should be reported as missing.
            await store.Opened.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested && !store.IsLost)
        {
            try
            {
                var purged = await PurgeOnceAsync(stoppingToken);
                if (purged > 0) logger.LogInformation("Audit retention purged {Count} events.", purged);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The store may be busy or briefly gone; the next round tries again.
                logger.LogWarning(ex, "Audit retention purge failed; it is tried again at the next interval.");
            }
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(options.CurrentValue.PurgeIntervalMinutes), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
