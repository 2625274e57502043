// Why: the admin's dashboard counts content by type and state and by month in a fixed number of queries; these are
// the counts it shows, on each database.
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Tests.Scheduling;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Querying;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class ContentCountsTests(TestDatabase database) : ScheduleFixture(database)
{
    [Test]
    public async Task Counts_by_type_separate_published_drafts_and_scheduled_items()
    {
        await CreatePageAsync("Published");
        var withDraft = await CreatePageAsync("Published with a draft");
        var draft = await Manager.GetAsync(withDraft.ContentItemId, VersionOptions.DraftRequired);
        draft!.DisplayText = "Draft over it";
        await Manager.UpdateAsync(draft);
        var waiting = await CreatePageAsync("Waiting", publish: false);
        await Schedule.ScheduleAsync(waiting.ContentItemId, ScheduledAction.Publish, Now.AddDays(1), Editor);

        var counts = await Query.CountByTypeAsync();

        Assert.That(counts["Page"], Is.EqualTo(new TypeStatusCounts(Items: 3, Published: 2, Drafts: 2, Scheduled: 1)));
        Assert.That(counts.ContainsKey("Article"), Is.False, "types without items are not listed");
    }

    [Test]
    public async Task Published_per_month_counts_published_versions_of_the_asked_types_from_the_first_month()
    {
        await CreatePageAsync("December one");
        await CreatePageAsync("December two");
        await CreatePageAsync("Never published", publish: false);
        Clock.Advance(TimeSpan.FromDays(40));
        await CreatePageAsync("January");

        var months = await Query.PublishedPerMonthAsync(["Page"], new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.That(months, Is.EqualTo(new[] { new MonthCount(2026, 12, 2), new MonthCount(2027, 1, 1) }));
        Assert.That(await Query.PublishedPerMonthAsync(["Page"], new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)), Is.EqualTo(new[] { new MonthCount(2027, 1, 1) }));
        Assert.That(await Query.PublishedPerMonthAsync(["Article"], new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), Is.Empty);
    }
}
