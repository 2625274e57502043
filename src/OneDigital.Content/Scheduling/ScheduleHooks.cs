// Why: the audit trail (and anything else that must know who did what) hears of schedules and of the changes they
// make without this folder depending on it: handlers run inside the same transaction, as content events do.
namespace OneDigital.Content.Scheduling;

/// <summary>The person a schedule is made or cancelled for: a user id (null for the site itself) and a name to show.</summary>
public sealed record ScheduleActor(string? UserId, string UserName);

/// <summary>
/// Told when a schedule is made, cancelled or finishes running, inside the transaction that writes the row (a handler
/// that writes an audit row commits or rolls back with it). Register as scoped.
/// </summary>
public interface IScheduleEventHandler
{
    /// <summary>A new pending schedule; <paramref name="replaced"/> are the earlier pending ones of the same action it took the place of.</summary>
    Task ScheduledAsync(ScheduledChange change, IReadOnlyList<ScheduledChange> replaced) => Task.CompletedTask;

    Task CancelledAsync(ScheduledChange change, ScheduleActor by) => Task.CompletedTask;

    /// <summary>The change ran: <see cref="ScheduledChange.State"/> is Completed, Skipped or Failed.</summary>
    Task RanAsync(ScheduledChange change) => Task.CompletedTask;
}

/// <summary>
/// Which schedule the scope's content changes are made for, while the runner makes one: an
/// <c>IContentEventHandler</c> (the audit's) reads <see cref="Current"/> to attribute a publish to
/// "system (scheduled by X)" rather than to a signed-in user. Null outside a scheduled run.
/// </summary>
public sealed class ScheduledRunContext
{
    public ScheduledChange? Current { get; internal set; }
}
