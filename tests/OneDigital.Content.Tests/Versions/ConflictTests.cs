// Why: a save names the version the editor loaded, so saving over someone else's newer version is refused rather
// than silently overwriting it, on both stores and under a race of two saves from the same base.
using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Tests.Store;
using OneDigital.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OneDigital.Content.Tests.Versions;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class ConflictTests(TestDatabase database) : StoreFixture(database)
{
    [Test]
    public async Task A_save_from_the_latest_version_becomes_a_new_latest_draft_and_the_published_one_stays_served()
    {
        var page = await CreatePageAsync("First");
        var loaded = page.ContentItemVersionId;
        var draft = (await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired))!;
        draft.GetOrCreatePart("TitlePart")["Title"] = "Second";

        await Manager.UpdateAsync(draft, loaded);

        Assert.That(draft.ContentItemVersionId, Is.Not.EqualTo(loaded));
        Assert.That((await Query.GetLatestAsync(page.ContentItemId))!.ContentItemVersionId, Is.EqualTo(draft.ContentItemVersionId));
        Assert.That((await Query.GetPublishedAsync(page.ContentItemId))!.DisplayText, Is.EqualTo("First"));
        Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(new[] { ("First", false, true), ("Second", true, false) }));
    }

    [Test]
    public async Task A_save_from_a_version_that_is_no_longer_the_latest_writes_nothing_and_says_who_changed_it_and_when()
    {
        var page = await CreatePageAsync("First", publish: false);
        var loaded = page.ContentItemVersionId;
        var mine = (await Query.GetLatestAsync(page.ContentItemId))!;
        var theirs = (await Query.GetLatestAsync(page.ContentItemId))!;
        theirs.GetOrCreatePart("TitlePart")["Title"] = "Theirs";
        theirs.Author = "alice";
        await Manager.UpdateAsync(theirs, loaded);
        mine.GetOrCreatePart("TitlePart")["Title"] = "Mine";

        var conflict = Assert.ThrowsAsync<ContentConflictException>(() => Manager.UpdateAsync(mine, loaded))!;

        Assert.That(conflict.ContentItemId, Is.EqualTo(page.ContentItemId));
        Assert.That(conflict.ExpectedVersionId, Is.EqualTo(loaded));
        Assert.That(conflict.CurrentVersionId, Is.EqualTo(theirs.ContentItemVersionId));
        Assert.That(conflict.ChangedBy, Is.EqualTo("alice"));
        Assert.That(conflict.ChangedUtc, Is.EqualTo(theirs.ModifiedUtc));
        Assert.That(((OneDigital.Content.Errors.IClientError)conflict).Status, Is.EqualTo(409));
        Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(new[] { ("First", false, false), ("Theirs", true, false) }));
    }

    [Test]
    public async Task Publish_unpublish_and_discard_from_an_old_version_are_refused_and_change_nothing()
    {
        var page = await CreatePageAsync("Live");
        var old = page.ContentItemVersionId;
        var draft = (await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired))!;
        draft.GetOrCreatePart("TitlePart")["Title"] = "Draft";
        await Manager.UpdateAsync(draft, old);
        var before = await VersionFlagsAsync(page.ContentItemId);

        Assert.ThrowsAsync<ContentConflictException>(() => Manager.PublishAsync(page, old));
        Assert.ThrowsAsync<ContentConflictException>(() => Manager.UnpublishAsync(page, old));
        Assert.ThrowsAsync<ContentConflictException>(() => Manager.DiscardDraftAsync(page, old));

        Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(before));
    }

    [Test]
    public async Task Publish_unpublish_and_discard_from_the_latest_version_go_ahead()
    {
        var page = await CreatePageAsync("Live");
        var draft = (await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired))!;
        draft.GetOrCreatePart("TitlePart")["Title"] = "Draft";
        await Manager.UpdateAsync(draft, page.ContentItemVersionId);

        await Manager.DiscardDraftAsync(draft, draft.ContentItemVersionId);
        Assert.That((await Query.GetLatestAsync(page.ContentItemId))!.DisplayText, Is.EqualTo("Live"));
        await Manager.UnpublishAsync(page, page.ContentItemVersionId);
        Assert.That(await Query.GetPublishedAsync(page.ContentItemId), Is.Null);
        var again = (await Query.GetLatestAsync(page.ContentItemId))!;
        await Manager.PublishAsync(again, page.ContentItemVersionId);
        Assert.That((await Query.GetPublishedAsync(page.ContentItemId))!.ContentItemVersionId, Is.EqualTo(again.ContentItemVersionId));
    }

    [Test]
    public async Task A_save_that_fails_validation_after_its_check_leaves_the_loaded_version_latest()
    {
        var report = await CreateReportAsync("Report", 1, publish: false);
        var loaded = report.ContentItemVersionId;
        report.GetOrCreatePart("Report").Remove("PartNumber");

        Assert.ThrowsAsync<ContentValidationException>(() => Manager.UpdateAsync(report, loaded));

        Assert.That((await InNewScopeAsync(s => s.GetRequiredService<OneDigital.Content.Querying.ContentQuery>().GetLatestAsync(report.ContentItemId)))!.ContentItemVersionId,
            Is.EqualTo(loaded));
    }

    [Test]
    public async Task A_save_without_a_loaded_version_keeps_saving_in_place()
    {
        var page = await CreatePageAsync("Draft", publish: false);
        page.GetOrCreatePart("TitlePart")["Title"] = "Edited";

        await Manager.UpdateAsync(page);

        Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(new[] { ("Edited", true, false) }));
    }

    [Test]
    public async Task Of_two_saves_from_the_same_version_racing_the_second_waits_for_the_first_and_then_conflicts()
    {
        if (Database != TestDatabase.Postgres)
        {
            Assert.Ignore("SQLite has one writer at a time: a second writer is refused as busy rather than queued behind the row.");
        }
        var page = await CreatePageAsync("Base", publish: false);
        var loaded = page.ContentItemVersionId;
        await using var first = Store.Scope();
        await using var second = Store.Scope();
        var firstManager = first.ServiceProvider.GetRequiredService<ContentManager>();
        var secondManager = second.ServiceProvider.GetRequiredService<ContentManager>();
        Task? racing = null;

        await first.ServiceProvider.GetRequiredService<OneDigital.Content.Store.StoreTransaction>().RunAsync(async () =>
        {
            await firstManager.UpdateAsync(Titled(page, "First"), loaded);
            // The second save starts while the first's transaction holds the old latest row, and must wait for it.
            racing = secondManager.UpdateAsync(Titled(page, "Second"), loaded);
            await Task.Delay(300);
            Assert.That(racing.IsCompleted, Is.False, "the second save waits for the first transaction");
        });

        Assert.ThrowsAsync<ContentConflictException>(() => racing!);
        Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(new[] { ("Base", false, false), ("First", true, false) }));
    }

    [Test]
    public async Task Of_many_concurrent_saves_from_the_same_version_exactly_one_wins()
    {
        var page = await CreatePageAsync("Base", publish: false);
        var loaded = page.ContentItemVersionId;
        var saves = Enumerable.Range(1, 6).Select(async n =>
        {
            await using var scope = Store.Scope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ContentManager>().UpdateAsync(Titled(page, $"Save {n}"), loaded);
                return true;
            }
            catch (ContentConflictException)
            {
                return false;
            }
        }).ToList();

        var won = await Task.WhenAll(saves);

        Assert.That(won.Count(w => w), Is.EqualTo(1));
        var flags = await VersionFlagsAsync(page.ContentItemId);
        Assert.That(flags, Has.Length.EqualTo(2));
        Assert.That(flags.Count(f => f.Item2), Is.EqualTo(1), "one latest version");
    }

    private static ContentItem Titled(ContentItem item, string title)
    {
        var copy = item.Clone();
        copy.GetOrCreatePart("TitlePart")["Title"] = title;
        return copy;
    }
}
