// Why: an editor's schedule is an audited decision, and the change it later makes must name who asked for it rather
// than look like nobody's work.
using OneDigital.Content.Audit;
using OneDigital.Content.Scheduling;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Scheduling;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class ScheduleAuditTests(TestDatabase database) : ScheduleFixture(database)
{
    [Test]
    public async Task Scheduling_cancelling_and_the_scheduled_publish_are_each_in_the_audit_trail_with_who_asked()
    {
        var page = await CreatePageAsync("Launch", publish: false);
        var first = await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Unpublish, Now.AddHours(2), Editor);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Schedule.CancelAsync(first.Id, Editor);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddHours(1), Editor);
        Clock.Advance(TimeSpan.FromHours(1));
        await Runner.RunDueAsync();

        // The clock moves between steps: events of the same instant have no order.
        var trail = await Get<AuditTrail>().QueryAsync(new AuditQuery { ContentItemId = page.ContentItemId });
        var seen = trail.Events.Reverse().Where(e => e.Kind != AuditKind.Created).Select(e => (e.Kind, e.UserName, e.Detail)).ToList();

        Assert.That(seen, Is.EqualTo(new[]
        {
            (AuditKind.Scheduled, "Edith Editor", (string?)"unpublish at 2026-12-01 11:00 UTC"),
            (AuditKind.ScheduleCancelled, "Edith Editor", "unpublish at 2026-12-01 11:00 UTC"),
            (AuditKind.Scheduled, "Edith Editor", "publish at 2026-12-01 10:02 UTC"),
            (AuditKind.Published, "system (scheduled by Edith Editor)", null),
        }));
    }
}
