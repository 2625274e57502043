// Why: editors (through the admin) schedule publishing and unpublishing; this is the one place that checks a schedule
// and writes its row, so the rules (not in the past, a known item, a later one replaces the earlier) hold everywhere.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneDigital.Content.Errors;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

namespace OneDigital.Content.Scheduling;

/// <summary>
/// Schedules a publish or unpublish of an item at a UTC time, cancels one, and lists an item's schedules or every
/// pending one. The runner (<see cref="ScheduledChangeRunner"/>) carries them out when due. Scoped.
/// </summary>
public sealed class ContentSchedule(
    ContentDbContext db,
    ContentQuery query,
    StoreTransaction transaction,
    IEnumerable<IScheduleEventHandler> handlers,
    IOptions<SchedulingOptions> options,
    TimeProvider clock)
{
    /// <summary>
    /// Records that the item is to be published (its latest version) or unpublished at <paramref name="dueUtc"/>.
    /// A pending schedule of the same action for the item is replaced. An unpublish of an item that is not published
    /// is recorded; it is skipped if the item is still not published when due.
    /// </summary>
    /// <exception cref="ScheduleException">The time is in the past (beyond <see cref="SchedulingOptions.PastTolerance"/>), or the item does not exist.</exception>
    public Task<ScheduledChange> ScheduleAsync(string contentItemId, ScheduledAction action, DateTime dueUtc, ScheduleActor by, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
        // The name every change the schedule makes is attributed to.
        ArgumentException.ThrowIfNullOrWhiteSpace(by.UserName, nameof(by));
        var due = AsUtc(dueUtc);
        var now = clock.GetUtcNow().UtcDateTime;
        if (due < now - options.Value.PastTolerance)
        {
            throw new ScheduleException(IClientError.Invalid,
                $"The time to {Verb(action)} ({due:yyyy-MM-dd HH:mm} UTC) has passed; choose a time after {now:yyyy-MM-dd HH:mm} UTC.");
        }
        return transaction.RunAsync(async () =>
        {
            if (await query.GetLatestAsync(contentItemId, ct) is null)
            {
                throw new ScheduleException(IClientError.NotFound, $"There is no content item '{contentItemId}' to {Verb(action)}.");
            }
            var replaced = await db.Set<ScheduledChange>()
                .Where(s => s.ContentItemId == contentItemId && s.Action == action && s.State == ScheduleState.Pending)
                .ToListAsync(ct);
            foreach (var earlier in replaced)
            {
                earlier.State = ScheduleState.Replaced;
                earlier.CompletedUtc = now;
                earlier.Message = $"Replaced by {by.UserName}'s schedule for {due:yyyy-MM-dd HH:mm} UTC.";
            }
            var change = new ScheduledChange
            {
                ContentItemId = contentItemId,
                Action = action,
                DueUtc = due,
                ScheduledByUserId = by.UserId,
                ScheduledByUserName = by.UserName,
                ScheduledUtc = now,
                State = ScheduleState.Pending,
            };
            db.Add(change);
            await SaveAsync(ct);
            foreach (var handler in handlers)
            {
                await handler.ScheduledAsync(change, replaced);
            }
            return change;
        }, ct);
    }

    /// <summary>Cancels a pending schedule.</summary>
    /// <exception cref="ScheduleException">No schedule has this id, or it is no longer pending (it has run, or was cancelled or replaced).</exception>
    public Task<ScheduledChange> CancelAsync(long scheduleId, ScheduleActor by, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            var change = await db.Set<ScheduledChange>().FirstOrDefaultAsync(s => s.Id == scheduleId, ct)
                ?? throw new ScheduleException(IClientError.NotFound, $"There is no schedule {scheduleId}.");
            if (!change.IsPending)
            {
                throw new ScheduleException(IClientError.Invalid,
                    $"Schedule {scheduleId} can no longer be cancelled: it is {change.State.ToString().ToLowerInvariant()}.");
            }
            change.State = ScheduleState.Cancelled;
            change.CompletedUtc = clock.GetUtcNow().UtcDateTime;
            change.Message = $"Cancelled by {by.UserName}.";
            await SaveAsync(ct);
            foreach (var handler in handlers)
            {
                await handler.CancelledAsync(change, by);
            }
            return change;
        }, ct);

    /// <summary>The item's schedules, pending and finished, by due time (then the order they were made).</summary>
    public async Task<IReadOnlyList<ScheduledChange>> ForItemAsync(string contentItemId, CancellationToken ct = default) =>
        await db.Set<ScheduledChange>().AsNoTracking()
            .Where(s => s.ContentItemId == contentItemId)
            .OrderBy(s => s.DueUtc).ThenBy(s => s.Id)
            .ToListAsync(ct);

    /// <summary>
    /// The pending schedules of every item, soonest first, a page at a time. To list the items themselves with the
    /// lists' filters and sorting, ask <see cref="ContentQuery"/> for <see cref="ContentStatus.Scheduled"/>.
    /// </summary>
    public async Task<IReadOnlyList<ScheduledChange>> PendingAsync(int skip = 0, int take = 100, CancellationToken ct = default) =>
        await db.Set<ScheduledChange>().AsNoTracking()
            .Where(s => s.State == ScheduleState.Pending)
            .OrderBy(s => s.DueUtc).ThenBy(s => s.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Max(0, take))
            .ToListAsync(ct);

    /// <summary>How many schedules are pending, for a count beside the admin's "scheduled" filter.</summary>
    public Task<int> PendingCountAsync(CancellationToken ct = default) =>
        db.Set<ScheduledChange>().CountAsync(s => s.State == ScheduleState.Pending, ct);

    // State is a concurrency token: a row the runner completed (or another editor cancelled) since it was read is
    // not overwritten; the caller is told instead.
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ScheduleException(IClientError.Invalid, "The item's schedule changed meanwhile (it ran, or someone else changed it); look again and retry.");
        }
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static string Verb(ScheduledAction action) => action == ScheduledAction.Publish ? "publish" : "unpublish";
}
