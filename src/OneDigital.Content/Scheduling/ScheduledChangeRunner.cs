// Why: several web nodes may share one PostgreSQL store, and each scheduled change must happen exactly once; the
// store itself decides who runs a change (a conditional claim, then a conditional completion in the change's own
// transaction), so no node needs to know of the others.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneDigital.Content.Errors;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

using OneDigital.Content.Audit;

namespace OneDigital.Content.Scheduling;

/// <summary>What one pass of the runner did: changes made, skipped, failed, and those another node finished first.</summary>
public sealed record ScheduleRunResult(int Completed, int Skipped, int Failed, int Lost)
{
    public int Total => Completed + Skipped + Failed + Lost;
}

/// <summary>
/// Runs the due scheduled changes. A claim is one UPDATE whose WHERE repeats "pending, due, not claimed or the claim
/// lapsed": PostgreSQL re-checks it on a row a concurrent claimer has just committed, and SQLite runs writers one at a
/// time, so two nodes never both hold a claim. The change is then made through <see cref="ContentManager"/> in a
/// transaction whose first statement completes the row only if this node's claim still holds, so even a node whose
/// claim lapsed mid-way cannot make the change a second time. Singleton; the worker calls
/// <see cref="RunDueAsync"/> every poll, and tests call it directly after moving the clock.
/// </summary>
public sealed class ScheduledChangeRunner(
    IServiceScopeFactory scopes,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<ScheduledChangeRunner> logger)
{
    private readonly SchedulingOptions _options = options.Value;
    private readonly string _node = options.Value.NodeName is { Length: > 0 } name ? name : $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Claims and runs every change due now, a batch at a time, until none is left.</summary>
    public async Task<ScheduleRunResult> RunDueAsync(CancellationToken ct = default)
    {
        var total = new ScheduleRunResult(0, 0, 0, 0);
        while (true)
        {
            var claimed = await ClaimDueAsync(ct);
            foreach (var change in claimed)
            {
                var state = await RunAsync(change, ct);
                total = state switch
                {
                    ScheduleState.Completed => total with { Completed = total.Completed + 1 },
                    ScheduleState.Skipped => total with { Skipped = total.Skipped + 1 },
                    ScheduleState.Failed => total with { Failed = total.Failed + 1 },
                    _ => total with { Lost = total.Lost + 1 },
                };
            }
            if (claimed.Count < _options.BatchSize)
            {
                return total;
            }
        }
    }

    private async Task<List<ScheduledChange>> ClaimDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await Due(db, now).OrderBy(s => s.DueUtc).ThenBy(s => s.Id).Select(s => s.Id).Take(_options.BatchSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return [];
        }
        var token = IdGenerator.NewId();
        var until = now + _options.ClaimDuration;
        await Due(db, now).Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.ClaimToken, token)
            .SetProperty(s => s.ClaimedBy, _node)
            .SetProperty(s => s.ClaimedUntilUtc, until)
            .SetProperty(s => s.Attempts, s => s.Attempts + 1), ct);
        return await db.Set<ScheduledChange>().AsNoTracking()
            .Where(s => s.ClaimToken == token)
            .OrderBy(s => s.DueUtc).ThenBy(s => s.Id)
            .ToListAsync(ct);
    }

    /// <summary>Makes one claimed change; returns how it ended, or Pending when another node owns it now or it is to be retried.</summary>
    private async Task<ScheduleState> RunAsync(ScheduledChange change, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            return await services.GetRequiredService<StoreTransaction>().RunAsync(async () =>
            {
                var db = services.GetRequiredService<ContentDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                // First, so the row stays locked (PostgreSQL) or the store's writer is ours (SQLite) until the change commits.
                if (await Claimed(db, change).ExecuteUpdateAsync(set => set
                        .SetProperty(s => s.State, ScheduleState.Completed)
                        .SetProperty(s => s.CompletedUtc, now)
                        .SetProperty(s => s.ClaimedUntilUtc, (DateTime?)null), ct) == 0)
                {
                    logger.LogInformation("Scheduled change {ScheduleId}: another node finished it, or it was cancelled, before this one ran it.", change.Id);
                    return ScheduleState.Pending;
                }
                services.GetRequiredService<ScheduledRunContext>().Current = change;
                // The audit names who asked for the change, not the node that made it.
                services.GetRequiredService<ContentActor>().Set(change.ScheduledByUserId, change.Actor);
                var skipped = await MakeChangeAsync(services, change, ct);
                change.State = skipped is null ? ScheduleState.Completed : ScheduleState.Skipped;
                change.CompletedUtc = now;
                change.ClaimedUntilUtc = null;
                change.Message = skipped;
                if (skipped is not null)
                {
                    await db.Set<ScheduledChange>().Where(s => s.Id == change.Id).ExecuteUpdateAsync(set => set
                        .SetProperty(s => s.State, ScheduleState.Skipped)
                        .SetProperty(s => s.Message, skipped), ct);
                }
                foreach (var handler in services.GetServices<IScheduleEventHandler>())
                {
                    await handler.RanAsync(change);
                }
                return change.State;
            }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is IClientError)
        {
            // The change itself was refused (the latest version is not valid): trying again would fail the same way.
            return await RecordFailureAsync(change, ex.Message, final: true);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Scheduled change {ScheduleId} ({Action} of {ContentItemId}) failed on attempt {Attempt}.",
                change.Id, change.Action, change.ContentItemId, change.Attempts);
            return await RecordFailureAsync(change, ex.Message, final: change.Attempts >= _options.MaxAttempts);
        }
    }

    /// <summary>Publishes the latest version or unpublishes the item; returns why there was nothing to do, or null.</summary>
    private static async Task<string?> MakeChangeAsync(IServiceProvider services, ScheduledChange change, CancellationToken ct)
    {
        var query = services.GetRequiredService<ContentQuery>();
        var manager = services.GetRequiredService<ContentManager>();
        if (change.Action == ScheduledAction.Publish)
        {
            var latest = await query.GetLatestAsync(change.ContentItemId, ct);
            if (latest is null) return "The item no longer exists.";
            if (latest.Published) return "The latest version was already published.";
            await manager.PublishAsync(latest, ct);
            return null;
        }
        var published = await query.GetPublishedAsync(change.ContentItemId, ct);
        if (published is null) return "The item was not published.";
        await manager.UnpublishAsync(published, ct);
        return null;
    }

    /// <summary>
    /// Records the failure on the row: for good (a refused change, or the last attempt), or as the last error of an
    /// attempt that is tried again once the claim lapses.
    /// </summary>
    private async Task<ScheduleState> RecordFailureAsync(ScheduledChange change, string error, bool final)
    {
        var message = error is { Length: > 2000 } ? error[..2000] : error;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<ContentDbContext>();
            if (!final)
            {
                await Claimed(db, change).ExecuteUpdateAsync(set => set.SetProperty(s => s.Message, message));
                return ScheduleState.Pending;
            }
            return await services.GetRequiredService<StoreTransaction>().RunAsync(async () =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (await Claimed(db, change).ExecuteUpdateAsync(set => set
                        .SetProperty(s => s.State, ScheduleState.Failed)
                        .SetProperty(s => s.CompletedUtc, now)
                        .SetProperty(s => s.ClaimedUntilUtc, (DateTime?)null)
                        .SetProperty(s => s.Message, message)) == 0)
                {
                    return ScheduleState.Pending;
                }
                change.State = ScheduleState.Failed;
                change.CompletedUtc = now;
                change.ClaimedUntilUtc = null;
                change.Message = message;
                foreach (var handler in services.GetServices<IScheduleEventHandler>())
                {
                    await handler.RanAsync(change);
                }
                return ScheduleState.Failed;
            });
        }
        catch (Exception ex)
        {
            // Left claimed: it is tried again when the claim lapses.
            logger.LogError(ex, "Scheduled change {ScheduleId}: recording its failure failed.", change.Id);
            return ScheduleState.Pending;
        }
    }

    private static IQueryable<ScheduledChange> Due(ContentDbContext db, DateTime now) =>
        db.Set<ScheduledChange>().Where(s => s.State == ScheduleState.Pending && s.DueUtc <= now
            && (s.ClaimedUntilUtc == null || s.ClaimedUntilUtc < now));

    private static IQueryable<ScheduledChange> Claimed(ContentDbContext db, ScheduledChange change)
    {
        var (id, token) = (change.Id, change.ClaimToken);
        return db.Set<ScheduledChange>().Where(s => s.Id == id && s.ClaimToken == token && s.State == ScheduleState.Pending);
    }
}
