using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneDigital.Content.Store;
using OneDigital.Web.Setup;

namespace OneDigital.Web.Health;

/// <summary>The store on disk is still the one the site opened (see <see cref="StoreWatch"/>).</summary>
internal sealed class StoreIdentityHealthCheck(StoreWatch watch) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await watch.CheckAsync(cancellationToken) is { } lost
            ? HealthCheckResult.Unhealthy(lost)
            : HealthCheckResult.Healthy("the store is the one this site opened");
}

/// <summary>A cheap indexed read of the setup record: the store answers and its schema is there.</summary>
internal sealed class StoreReadHealthCheck(IServiceScopeFactory scopes, StoreOptions store, ILogger<StoreReadHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A scope of its own: the checks run at the same time and a DbContext takes one operation at a time.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            return await db.Documents.AsNoTracking().AnyAsync(d => d.Name == SiteSetup.DocumentName, cancellationToken)
                ? HealthCheckResult.Healthy("the setup record was read")
                : HealthCheckResult.Unhealthy("the store has no setup record");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return StoreProbeFailure.Report("read", ex, store, logger);
        }
    }
}

/// <summary>
/// A write the store must accept, rolled back: a read alone passes on a read-only or half-broken store. A store busy
/// with another writer past a short wait is reported degraded, not unhealthy (a long import is no reason to take
/// the node out of a load balancer).
/// </summary>
internal sealed class StoreWriteHealthCheck(IServiceScopeFactory scopes, StoreOptions store, ILogger<StoreWriteHealthCheck> logger) : IHealthCheck
{
    // The SQL below waits as long (busy_timeout, lock_timeout in milliseconds).
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            db.Database.SetCommandTimeout(ProbeWait);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                var postgres = store.Provider == DatabaseProvider.Postgres;
                if (!postgres)
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout=2000", cancellationToken);
                }
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (postgres)
                {
                    await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = 2000", cancellationToken);
                }
                var rows = await db.Database.ExecuteSqlRawAsync(
                    "UPDATE \"Documents\" SET \"Version\" = \"Version\" WHERE \"Name\" = {0}", [SiteSetup.DocumentName], cancellationToken);
                await transaction.RollbackAsync(CancellationToken.None);
                return rows == 1
                    ? HealthCheckResult.Healthy("a write was accepted (and rolled back)")
                    : HealthCheckResult.Unhealthy("the store has no setup record to write");
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return StoreProbeFailure.Report("write", ex, store, logger);
        }
    }
}

/// <summary>What a failed probe tells an operator: the store failure it stands for, otherwise only its kind (details go to the log).</summary>
internal static class StoreProbeFailure
{
    public static HealthCheckResult Report(string probe, Exception ex, StoreOptions store, ILogger logger)
    {
        var failure = StoreFailures.Classify(ex, store.BusyTimeout);
        if (failure is StoreBusyException)
        {
            return HealthCheckResult.Degraded($"the store is busy with another writer ({probe} probe)");
        }
        logger.LogError(ex, "Health check: the store {Probe} probe failed", probe);
        return HealthCheckResult.Unhealthy(failure?.Message ?? $"the {probe} probe failed ({ex.GetType().Name}); see the log");
    }
}
