// Why: scheduling and cancelling are editors' decisions the trail must answer for, recorded in the schedule row's own
// transaction (as content events are) under the person who made them; the change a schedule later makes is recorded by
// the content events under "system (scheduled by X)", and one that fails is recorded here, since no content event fires.
using System.Globalization;
using OneDigital.Content.Querying;
using OneDigital.Content.Scheduling;

namespace OneDigital.Content.Audit;

public sealed class ScheduleAuditRecorder(AuditTrail trail, ContentQuery query) : IScheduleEventHandler
{
    public Task ScheduledAsync(ScheduledChange change, IReadOnlyList<ScheduledChange> replaced) =>
        RecordAsync(AuditKind.Scheduled, change, change.ScheduledByUserId, change.ScheduledByUserName,
            $"{Describe(change)}{(replaced.Count > 0 ? $", replacing the one due {Utc(replaced[0].DueUtc)}" : "")}");

    public Task CancelledAsync(ScheduledChange change, ScheduleActor by) =>
        RecordAsync(AuditKind.ScheduleCancelled, change, by.UserId, by.UserName, Describe(change));

    public Task RanAsync(ScheduledChange change) =>
        change.State == ScheduleState.Failed
            ? RecordAsync(AuditKind.ScheduledChangeFailed, change, change.ScheduledByUserId, change.Actor, $"{Describe(change)}: {change.Message}")
            : Task.CompletedTask;

    private async Task RecordAsync(AuditKind kind, ScheduledChange change, string? userId, string userName, string detail)
    {
        var item = await query.GetLatestAsync(change.ContentItemId);
        await trail.RecordAsync(new AuditEntry(kind)
        {
            UserId = userId,
            UserName = userName,
            ContentItemId = change.ContentItemId,
            ContentItemVersionId = item?.ContentItemVersionId,
            ContentType = item?.ContentType,
            DisplayText = item?.DisplayText,
            Detail = detail,
        });
    }

    private static string Describe(ScheduledChange change) =>
        $"{change.Action.ToString().ToLowerInvariant()} at {Utc(change.DueUtc)}";

    private static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
