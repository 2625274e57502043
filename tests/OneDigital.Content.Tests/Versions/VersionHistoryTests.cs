// Why: editors see each item's history and can bring an old version back as a draft without touching what is live.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Tests.Store;
using OneDigital.Content.Versions;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Versions;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class VersionHistoryTests(TestDatabase database) : StoreFixture(database)
{
    [Test]
    public async Task The_history_lists_every_version_in_order_with_who_when_and_flags()
    {
        var page = await CreatePageAsync("First");
        var draft = (await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired))!;
        draft.GetOrCreatePart("TitlePart")["Title"] = "Second";
        draft.Author = "alice";
        await Manager.UpdateAsync(draft, page.ContentItemVersionId);

        var history = await Query.GetVersionHistoryAsync(page.ContentItemId);

        Assert.That(history.Select(v => (v.Number, v.ContentItemVersionId, v.DisplayText, v.Latest, v.Published)), Is.EqualTo(new[]
        {
            (1, page.ContentItemVersionId, "First", false, true),
            (2, draft.ContentItemVersionId, "Second", true, false),
        }));
        Assert.That(history[1].Author, Is.EqualTo("alice"));
        Assert.That(history[1].ModifiedUtc, Is.Not.Null);
    }

    [Test]
    public async Task Restore_makes_a_new_latest_draft_with_the_old_content_and_leaves_the_published_version_served()
    {
        var report = await CreateReportAsync("Old", 1);
        var old = report.ContentItemVersionId;
        var draft = (await Manager.GetAsync(report.ContentItemId, VersionOptions.DraftRequired))!;
        draft.GetOrCreatePart("TitlePart")["Title"] = "New";
        draft.GetOrCreatePart("Report")["PartNumber"]!["Value"] = 2;
        await Manager.PublishAsync(draft, old);

        var restored = await Manager.RestoreAsync(report.ContentItemId, old, loadedVersionId: draft.ContentItemVersionId, author: "bob");

        var latest = (await Query.GetLatestAsync(report.ContentItemId))!;
        Assert.That(latest.ContentItemVersionId, Is.EqualTo(restored.ContentItemVersionId));
        Assert.That((latest.DisplayText, latest.Published, latest.Author), Is.EqualTo(("Old", false, "bob")));
        Assert.That((await Query.GetPublishedAsync(report.ContentItemId))!.DisplayText, Is.EqualTo("New"));
        Assert.That(await VersionDiff.CompareAsync(Query, report.ContentItemId, old, restored.ContentItemVersionId), Is.Empty);
        Assert.That((await Query.GetVersionHistoryAsync(report.ContentItemId)).Select(v => v.DisplayText), Is.EqualTo(new[] { "Old", "New", "Old" }));
    }

    [Test]
    public async Task Restore_validates_the_old_content_against_todays_type_and_refuses_unknown_or_stale_versions_writing_nothing()
    {
        var report = await CreateReportAsync("Report", 1, publish: false);
        var old = report.ContentItemVersionId;
        var current = (await Query.GetLatestAsync(report.ContentItemId))!;
        current.GetOrCreatePart("Report")["IssuedOn"] = new System.Text.Json.Nodes.JsonObject { ["Value"] = "2026-01-01T00:00:00Z" };
        await Manager.UpdateAsync(current, old);
        await Get<OneDigital.Content.Definitions.ContentDefinitionStore>().AlterAsync(doc =>
            OneDigital.Content.Definitions.SettingsReader.Write(doc.Part("Report")!.Field("IssuedOn")!.Settings, new OneDigital.Content.Definitions.DateFieldSettings { Required = true }));
        var otherItem = await CreatePageAsync("Other");
        var before = await VersionFlagsAsync(report.ContentItemId);

        Assert.ThrowsAsync<ContentValidationException>(() => Manager.RestoreAsync(report.ContentItemId, old));
        Assert.ThrowsAsync<ContentVersionNotFoundException>(() => Manager.RestoreAsync(report.ContentItemId, "no-such-version"));
        Assert.ThrowsAsync<ContentVersionNotFoundException>(() => Manager.RestoreAsync(report.ContentItemId, otherItem.ContentItemVersionId));
        Assert.ThrowsAsync<ContentConflictException>(() => Manager.RestoreAsync(report.ContentItemId, current.ContentItemVersionId, loadedVersionId: old));

        Assert.That(await VersionFlagsAsync(report.ContentItemId), Is.EqualTo(before));
    }
}
