// Why: a large import leaves its published items unchecked (the checks were most of its cost); this node checks them
// once the import commits, in batches of short transactions, so the report and the dashboard catch up on their own.
using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneDigital.Content.Store;

namespace OneDigital.Content.Writing;

/// <summary>
/// Checks the published items that have no counts: once the store is open, and whenever an import on this node that
/// deferred its checks commits. A staged import's rows reach the live store after the copy commits, so for a while
/// after a wake the worker also follows the content change stamp and checks again when it moves.
/// </summary>
public sealed class WritingChecksWorker(
    IServiceScopeFactory scopes,
    WritingChecksSignal signal,
    StoreVersions versions,
    StoreCondition store,
    TimeProvider clock,
    ILogger<WritingChecksWorker> logger) : BackgroundService
{
    /// <summary>Items checked per transaction: the writes are short, the checks run before it.</summary>
    public const int BatchSize = 100;

    /// <summary>
    /// A batch's time again as a pause: the checks of a large import (about 1.5 ms of CPU an item) would otherwise take
    /// both cores from readers and partners for as long as they run; on one core at half its time, the site stays fast.
    /// </summary>
    private static TimeSpan PauseAfter(TimeSpan batch) => batch < MaxPause ? batch : MaxPause;

    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan StampPoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FollowAfterWake = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Not before setup has migrated the store.
            await store.Opened.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        // The stamp is followed only after a wake: an editor's publish records its own counts.
        var followUntil = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            long stamp;
            try
            {
                await CheckAllAsync(stoppingToken);
                stamp = (await versions.GetAsync(stoppingToken)).Content;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Checking the writing of unchecked published items failed; it is tried again at the next change.");
                stamp = long.MinValue;
            }
            try
            {
                while (true)
                {
                    if (await signal.WaitAsync(StampPoll, stoppingToken))
                    {
                        followUntil = clock.GetUtcNow() + FollowAfterWake;
                        break;
                    }
                    if (clock.GetUtcNow() < followUntil && (await versions.GetAsync(stoppingToken)).Content != stamp) break;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Walks the store once in row order, checking the unchecked items batch by batch, on one core and pausing between
    /// batches: it is background work. An item that cannot be checked is passed, not tried again until the next walk.
    /// </summary>
    public async Task<int> CheckAllAsync(CancellationToken ct)
    {
        var total = 0;
        var after = 0L;
        while (!ct.IsCancellationRequested)
        {
            var started = clock.GetTimestamp();
            WritingCheckBatch batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                batch = await scope.ServiceProvider.GetRequiredService<WritingFindingsQuery>().CheckUncheckedAsync(BatchSize, oneCore: true, after, ct);
            }
            if (batch.Found == 0) break;
            after = batch.LastId;
            total += batch.Recorded;
            await Task.Delay(PauseAfter(clock.GetElapsedTime(started)), clock, ct);
        }
        if (total > 0) logger.LogInformation("Writing checks: {Count} published items checked.", total);
        return total;
    }
}
