// Why: the rules of scheduling as editors meet them: a change happens when due and not before, a later schedule
// replaces the earlier, a cancelled one never runs, a refused publish is recorded once, and lists can show them.
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Definitions;
using OneDigital.Content.Errors;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Scheduling;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Scheduling;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class ContentScheduleTests(TestDatabase database) : ScheduleFixture(database)
{
    [Test]
    public async Task A_scheduled_publish_waits_for_its_time_then_publishes_the_latest_version()
    {
        var page = await CreatePageAsync("Launch", publish: false);
        await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddHours(1), Editor);

        Clock.Advance(TimeSpan.FromMinutes(59));
        var early = await Runner.RunDueAsync();
        Assert.That(early.Total, Is.EqualTo(0));
        Assert.That(await Query.GetPublishedAsync(page.ContentItemId), Is.Null);

        Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await Runner.RunDueAsync();

        var published = await Query.GetPublishedAsync(page.ContentItemId);
        Assert.That(due.Completed, Is.EqualTo(1));
        Assert.That((published?.DisplayText, published?.PublishedUtc), Is.EqualTo(("Launch", (DateTime?)Now)));
        Assert.That(await StatesAsync(page.ContentItemId), Is.EqualTo(new[] { (ScheduledAction.Publish, ScheduleState.Completed) }));
        Assert.That(await Runner.RunDueAsync(), Has.Property(nameof(ScheduleRunResult.Total)).EqualTo(0), "a completed change is not run again");
    }

    [Test]
    public async Task A_scheduled_publish_of_a_published_item_publishes_its_newer_draft()
    {
        var page = await CreatePageAsync("Before");
        var draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
        draft!.GetOrCreatePart("TitlePart")["Title"] = "After";
        await Manager.UpdateAsync(draft);
        await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddMinutes(5), Editor);

        Clock.Advance(TimeSpan.FromMinutes(5));
        await Runner.RunDueAsync();

        Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(new[] { ("Before", false, false), ("After", true, true) }));
    }

    [Test]
    public async Task A_scheduled_unpublish_takes_the_item_off_line_when_due()
    {
        var page = await CreatePageAsync("Summer sale");
        await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Unpublish, Now.AddDays(1), Editor);

        Clock.Advance(TimeSpan.FromDays(1));
        var result = await Runner.RunDueAsync();

        Assert.That(result.Completed, Is.EqualTo(1));
        Assert.That(await Query.GetPublishedAsync(page.ContentItemId), Is.Null);
        Assert.That(await Query.ListAsync(new ContentListRequest("Page")), Is.Empty);
        Assert.That(Events.Heard, Has.One.EqualTo(("unpublished", page.ContentItemId, "system (scheduled by Edith Editor)")));
    }

    [Test]
    public async Task An_unpublish_of_an_item_that_is_not_published_when_due_is_recorded_then_skipped()
    {
        var draft = await CreatePageAsync("Never out", publish: false);
        await Schedule.ScheduleAsync(draft.ContentItemId, ScheduledAction.Unpublish, Now.AddMinutes(10), Editor);

        Clock.Advance(TimeSpan.FromMinutes(10));
        var result = await Runner.RunDueAsync();

        var row = (await Schedule.ForItemAsync(draft.ContentItemId)).Single();
        Assert.That((result.Skipped, row.State, row.Message), Is.EqualTo((1, ScheduleState.Skipped, "The item was not published.")));
        Assert.That(Events.Heard, Is.Empty);
    }

    [Test]
    public async Task Changes_made_by_a_schedule_are_attributed_to_the_system_on_behalf_of_who_scheduled_it()
    {
        var page = await CreatePageAsync("Attributed", publish: false);
        var change = await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddMinutes(1), Editor);

        Clock.Advance(TimeSpan.FromMinutes(1));
        await Runner.RunDueAsync();

        var row = (await Schedule.ForItemAsync(page.ContentItemId)).Single();
        Assert.That((row.Id, row.ScheduledByUserId, row.ScheduledByUserName, row.ScheduledUtc), Is.EqualTo((change.Id, "editor-id", "Edith Editor", Start.UtcDateTime)));
        Assert.That(Events.Heard, Is.EqualTo(new[] { ("published", page.ContentItemId, (string?)"system (scheduled by Edith Editor)") }));
    }

    [Test]
    public async Task A_later_schedule_of_the_same_action_replaces_the_pending_one()
    {
        var page = await CreatePageAsync("Moved launch", publish: false);
        await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddHours(1), Editor);
        await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Unpublish, Now.AddHours(5), Editor);
        await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddHours(3), new ScheduleActor("other-id", "Otto Other"));

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.That((await Runner.RunDueAsync()).Total, Is.EqualTo(0), "the replaced publish was due at one hour");
        Assert.That(await Query.GetPublishedAsync(page.ContentItemId), Is.Null);

        Clock.Advance(TimeSpan.FromHours(1));
        await Runner.RunDueAsync();

        Assert.That(await Query.GetPublishedAsync(page.ContentItemId), Is.Not.Null);
        var rows = await Schedule.ForItemAsync(page.ContentItemId);
        Assert.That(rows.Select(r => (r.Action, r.State)), Is.EqualTo(new[]
        {
            (ScheduledAction.Publish, ScheduleState.Replaced),
            (ScheduledAction.Publish, ScheduleState.Completed),
            (ScheduledAction.Unpublish, ScheduleState.Pending),
        }));
        Assert.That(rows[0].Message, Does.Contain("Otto Other"));
    }

    [Test]
    public async Task A_cancelled_schedule_never_runs_and_a_finished_one_cannot_be_cancelled()
    {
        var page = await CreatePageAsync("Called off", publish: false);
        var change = await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddMinutes(30), Editor);

        var cancelled = await Schedule.CancelAsync(change.Id, new ScheduleActor("other-id", "Otto Other"));
        Clock.Advance(TimeSpan.FromHours(1));
        var result = await Runner.RunDueAsync();

        Assert.That((cancelled.State, cancelled.Message, result.Total), Is.EqualTo((ScheduleState.Cancelled, "Cancelled by Otto Other.", 0)));
        Assert.That(await Query.GetPublishedAsync(page.ContentItemId), Is.Null);
        var again = Assert.ThrowsAsync<ScheduleException>(() => Schedule.CancelAsync(change.Id, Editor));
        Assert.That(again!.Message, Is.EqualTo($"Schedule {change.Id} can no longer be cancelled: it is cancelled."));
        var unknown = Assert.ThrowsAsync<ScheduleException>(() => Schedule.CancelAsync(change.Id + 1000, Editor));
        Assert.That(((IClientError)unknown!).Status, Is.EqualTo(IClientError.NotFound));
    }

    [Test]
    public async Task A_time_in_the_past_is_refused_with_a_clear_message_and_nothing_is_written()
    {
        var page = await CreatePageAsync("Too late", publish: false);

        var refused = Assert.ThrowsAsync<ScheduleException>(() =>
            Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddMinutes(-5), Editor));

        Assert.That(refused!.Message, Is.EqualTo(
            "The time to publish (2026-12-01 08:55 UTC) has passed; choose a time after 2026-12-01 09:00 UTC."));
        Assert.That(((IClientError)refused).Status, Is.EqualTo(IClientError.Invalid));
        Assert.That(await Schedule.ForItemAsync(page.ContentItemId), Is.Empty);
        // A form sent a few seconds after the minute it names is taken, and runs at once.
        await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddSeconds(-20), Editor);
        Assert.That((await Runner.RunDueAsync()).Completed, Is.EqualTo(1));
    }

    [Test]
    public void An_item_that_does_not_exist_cannot_be_scheduled()
    {
        var refused = Assert.ThrowsAsync<ScheduleException>(() =>
            Schedule.ScheduleAsync("no-such-item", ScheduledAction.Unpublish, Now.AddHours(1), Editor));

        Assert.That((refused!.Message, ((IClientError)refused).Status),
            Is.EqualTo(("There is no content item 'no-such-item' to unpublish.", IClientError.NotFound)));
    }

    [Test]
    public async Task A_publish_the_content_engine_refuses_is_recorded_as_failed_and_not_tried_again()
    {
        var page = await CreatePageAsync("No summary", publish: false);
        // The type changed after the draft was saved: the draft is no longer valid.
        await Get<ContentDefinitionStore>().AlterAsync(doc =>
            SettingsReader.Write(doc.Part("Page")!.Field("Summary")!.Settings, new TextFieldSettings { Required = true }));
        await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddMinutes(1), Editor);

        Clock.Advance(TimeSpan.FromMinutes(1));
        var first = await Runner.RunDueAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        var later = await Runner.RunDueAsync();

        var row = (await Schedule.ForItemAsync(page.ContentItemId)).Single();
        Assert.That((first.Failed, later.Total), Is.EqualTo((1, 0)));
        Assert.That((row.State, row.Attempts, row.CompletedUtc), Is.EqualTo((ScheduleState.Failed, 1, (DateTime?)Start.UtcDateTime.AddMinutes(1))));
        Assert.That(row.Message, Does.Contain("Summary").And.Contain("required"));
        Assert.That(await Query.GetPublishedAsync(page.ContentItemId), Is.Null);
        Assert.That(Events.Heard, Is.Empty, "the refused publish left nothing behind");
    }

    [Test]
    public async Task The_scheduled_status_lists_the_latest_versions_of_items_with_a_pending_schedule()
    {
        var waiting = await CreatePageAsync("Waiting", publish: false);
        var live = await CreatePageAsync("Live, going off");
        var done = await CreatePageAsync("Done", publish: false);
        await CreatePageAsync("Unscheduled", publish: false);
        await Schedule.ScheduleAsync(waiting.ContentItemId, ScheduledAction.Publish, Now.AddDays(2), Editor);
        await Schedule.ScheduleAsync(live.ContentItemId, ScheduledAction.Unpublish, Now.AddDays(3), Editor);
        await Schedule.ScheduleAsync(done.ContentItemId, ScheduledAction.Publish, Now.AddMinutes(1), Editor);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Runner.RunDueAsync();

        var request = new ContentListRequest("Page") { Status = ContentStatus.Scheduled, Sort = [new ContentSort.ByColumn(ContentColumn.DisplayText)] };
        var scheduled = await Query.ListAsync(request);

        Assert.That(scheduled.Select(i => i.DisplayText), Is.EqualTo(new[] { "Live, going off", "Waiting" }));
        Assert.That(await Query.CountAsync(request), Is.EqualTo(2));
        Assert.That((await Schedule.PendingAsync()).Select(s => s.ContentItemId), Is.EqualTo(new[] { waiting.ContentItemId, live.ContentItemId }));
        Assert.That(await Schedule.PendingCountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_claim_left_by_a_node_that_died_is_taken_over_once_it_lapses()
    {
        var page = await CreatePageAsync("Orphaned", publish: false);
        var change = await Schedule.ScheduleAsync(page.ContentItemId, ScheduledAction.Publish, Now.AddMinutes(1), Editor);
        Clock.Advance(TimeSpan.FromMinutes(1));
        // What a node leaves behind when it dies between claiming a change and making it.
        var claimedUntil = Now.AddMinutes(2);
        await Db.Set<ScheduledChange>().Where(s => s.Id == change.Id).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.ClaimToken, "dead-node-claim")
            .SetProperty(s => s.ClaimedBy, "dead-node")
            .SetProperty(s => s.ClaimedUntilUtc, claimedUntil)
            .SetProperty(s => s.Attempts, 1));

        var whileClaimed = await Runner.RunDueAsync();
        Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var afterLapse = await Runner.RunDueAsync();

        var row = (await Schedule.ForItemAsync(page.ContentItemId)).Single();
        Assert.That((whileClaimed.Total, afterLapse.Completed), Is.EqualTo((0, 1)));
        Assert.That((row.State, row.Attempts, row.ClaimedBy), Is.EqualTo((ScheduleState.Completed, 2, $"{Environment.MachineName}:{Environment.ProcessId}")));
        Assert.That(Events.Count("published", page.ContentItemId), Is.EqualTo(1));
    }
}
