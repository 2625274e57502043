// Why: scheduling and cancelling are editors' decisions worth a trail of their own; the change a schedule later makes
// is recorded by the content events under "system (scheduled by X)", and one that fails is recorded here, since no
// content event fires for it.
using OneDigital.Content.Scheduling;

namespace OneDigital.Content.Audit;

public sealed class ScheduleAuditRecorder(AuditTrail trail) : IScheduleEventHandler
{
    public Task ScheduledAsync(ScheduledChange change, IReadOnlyList<ScheduledChange> replaced) =>
        trail.RecordAsync(new AuditEntry(AuditKind.Scheduled)
        {
            UserId = change.ScheduledByUserId,
            UserName = change.ScheduledByUserName,
            ContentItemId = change.ContentItemId,
            Detail = $"{Describe(change)}{(replaced.Count > 0 ? $", replacing the one due {replaced[0].DueUtc:yyyy-MM-dd HH:mm} UTC" : "")}",
        });

    public Task CancelledAsync(ScheduledChange change, ScheduleActor by) =>
        trail.RecordAsync(new AuditEntry(AuditKind.ScheduleCancelled)
        {
            UserId = by.UserId,
            UserName = by.UserName,
            ContentItemId = change.ContentItemId,
            Detail = Describe(change),
        });

    public async Task RanAsync(ScheduledChange change)
    {
        if (change.State == ScheduleState.Failed)
        {
            await trail.RecordAsync(new AuditEntry(AuditKind.ScheduledChangeFailed)
            {
                UserId = change.ScheduledByUserId,
                UserName = change.Actor,
                ContentItemId = change.ContentItemId,
                Detail = $"{Describe(change)}: {change.Message}",
            });
        }
    }

    private static string Describe(ScheduledChange change) =>
        $"{change.Action.ToString().ToLowerInvariant()} at {change.DueUtc:yyyy-MM-dd HH:mm} UTC";
}
