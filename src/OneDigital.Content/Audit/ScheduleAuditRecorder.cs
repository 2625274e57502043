// Why: scheduling and cancelling are editors' acts the trail must answer for, recorded in the schedule row's own
// transaction (as content events are), naming the person the schedule was made or cancelled for.
using System.Globalization;
using OneDigital.Content.Querying;
using OneDigital.Content.Scheduling;

namespace OneDigital.Content.Audit;

public sealed class ScheduleAuditRecorder(AuditTrail trail, ContentQuery query) : IScheduleEventHandler
{
    public Task ScheduledAsync(ScheduledChange change, IReadOnlyList<ScheduledChange> replaced) =>
        RecordAsync(AuditKind.Scheduled, change, change.ScheduledByUserId, change.ScheduledByUserName,
            $"{change.Action} at {Utc(change.DueUtc)}{(replaced.Count > 0 ? $", replacing the one at {Utc(replaced[0].DueUtc)}" : "")}");

    public Task CancelledAsync(ScheduledChange change, ScheduleActor by) =>
        RecordAsync(AuditKind.ScheduleCancelled, change, by.UserId, by.UserName, $"{change.Action} at {Utc(change.DueUtc)} cancelled");

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

    private static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
