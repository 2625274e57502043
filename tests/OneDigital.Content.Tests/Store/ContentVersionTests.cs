using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Store;

/// <summary>Orchard's Latest/Published semantics, as the store keeps them on each database.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class ContentVersionTests(TestDatabase database) : StoreFixture(database)
{
    [Test]
    public async Task A_draft_is_the_latest_version_and_is_not_served_as_published()
    {
        var page = await CreatePageAsync("About", publish: false);

        var latest = await Manager.GetAsync(page.ContentItemId, VersionOptions.Latest);
        Assert.Multiple(async () =>
        {
            Assert.That(await Manager.GetAsync(page.ContentItemId), Is.Null);
            Assert.That(latest!.DisplayText, Is.EqualTo("About"));
            Assert.That(latest.Latest, Is.True);
            Assert.That(latest.Published, Is.False);
            Assert.That(latest.CreatedUtc, Is.Not.Null);
            Assert.That(latest.PublishedUtc, Is.Null);
        });
    }

    [Test]
    public async Task A_published_item_is_both_latest_and_published_and_can_be_read_by_version_id()
    {
        var page = await CreatePageAsync("About");

        var published = await Manager.GetAsync(page.ContentItemId);
        var byVersion = await InNewScopeAsync(s => s.GetRequiredService<ContentQuery>().GetVersionAsync(page.ContentItemVersionId));
        Assert.Multiple(() =>
        {
            Assert.That(published!.ContentItemVersionId, Is.EqualTo(page.ContentItemVersionId));
            Assert.That((published.Latest, published.Published), Is.EqualTo((true, true)));
            Assert.That(published.PublishedUtc, Is.Not.Null);
            Assert.That(byVersion!.ToJson(), Is.EqualTo(published.ToJson()));
        });
        Assert.That(await Query.GetVersionAsync("no-such-version"), Is.Null);
    }

    [Test]
    public async Task A_draft_over_a_published_item_leaves_the_published_version_served_until_it_is_published()
    {
        var page = await CreatePageAsync("About");

        var draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
        draft!.GetOrCreatePart("TitlePart")["Title"] = "About us";
        await Manager.UpdateAsync(draft);

        var published = await Manager.GetAsync(page.ContentItemId);
        var latest = await Manager.GetAsync(page.ContentItemId, VersionOptions.Latest);
        Assert.Multiple(() =>
        {
            Assert.That(draft.ContentItemVersionId, Is.Not.EqualTo(page.ContentItemVersionId));
            Assert.That(published!.DisplayText, Is.EqualTo("About"));
            Assert.That(published.Latest, Is.False);
            Assert.That(latest!.DisplayText, Is.EqualTo("About us"));
            Assert.That(latest.Published, Is.False);
        });

        await Manager.PublishAsync(latest!);

        Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(new[] { ("About", false, false), ("About us", true, true) }));
        Assert.That((await Manager.GetAsync(page.ContentItemId))!.DisplayText, Is.EqualTo("About us"));
    }

    [Test]
    public async Task Saving_a_draft_again_updates_it_in_place()
    {
        var page = await CreatePageAsync("About", publish: false);

        var draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
        draft!.GetOrCreatePart("TitlePart")["Title"] = "About us";
        await Manager.UpdateAsync(draft);

        Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(new[] { ("About us", true, false) }));
    }

    [Test]
    public async Task An_item_of_a_type_that_is_neither_draftable_nor_versionable_is_updated_in_place()
    {
        var note = await Manager.NewAsync("Note");
        note.GetOrCreatePart("TitlePart")["Title"] = "First";
        await Manager.CreateAsync(note, publish: true);

        var edited = await Manager.GetAsync(note.ContentItemId, VersionOptions.DraftRequired);
        edited!.GetOrCreatePart("TitlePart")["Title"] = "Second";
        await Manager.UpdateAsync(edited);

        Assert.That(edited.ContentItemVersionId, Is.EqualTo(note.ContentItemVersionId));
        Assert.That(await VersionFlagsAsync(note.ContentItemId), Is.EqualTo(new[] { ("Second", true, true) }));
    }

    [Test]
    public async Task Unpublishing_keeps_the_latest_version_as_a_draft()
    {
        var page = await CreatePageAsync("About");

        await Manager.UnpublishAsync(page);

        Assert.That(await Manager.GetAsync(page.ContentItemId), Is.Null);
        Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(new[] { ("About", true, false) }));
    }

    [Test]
    public async Task Discarding_a_draft_makes_the_published_version_the_latest_again()
    {
        var page = await CreatePageAsync("About");
        var draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
        draft!.GetOrCreatePart("TitlePart")["Title"] = "About us";
        await Manager.UpdateAsync(draft);

        await Manager.DiscardDraftAsync(draft);

        Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(new[] { ("About", true, true), ("About us", false, false) }));
    }

    [Test]
    public async Task Discarding_the_draft_of_an_item_never_published_removes_the_item()
    {
        var page = await CreatePageAsync("About", publish: false);

        await Manager.DiscardDraftAsync(page);

        Assert.That(await Manager.GetAsync(page.ContentItemId, VersionOptions.Latest), Is.Null);
    }

    [Test]
    public async Task A_clone_is_a_new_draft_item_with_the_same_content()
    {
        var page = await CreatePageAsync("About");

        var clone = await Manager.CloneAsync(page);

        var stored = await Manager.GetAsync(clone.ContentItemId, VersionOptions.Latest);
        Assert.Multiple(() =>
        {
            Assert.That(clone.ContentItemId, Is.Not.EqualTo(page.ContentItemId));
            Assert.That(clone.ContentItemVersionId, Is.Not.EqualTo(page.ContentItemVersionId));
            Assert.That(stored!.DisplayText, Is.EqualTo("About"));
            Assert.That((stored.Latest, stored.Published), Is.EqualTo((true, false)));
        });
        Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(new[] { ("About", true, true) }), "the original is untouched");
    }

    [Test]
    public async Task A_removed_item_has_no_latest_or_published_version_but_its_rows_stay_as_history()
    {
        var page = await CreatePageAsync("About");
        var draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
        await Manager.UpdateAsync(draft!);

        await Manager.RemoveAsync(page);

        Assert.Multiple(async () =>
        {
            Assert.That(await Manager.GetAsync(page.ContentItemId), Is.Null);
            Assert.That(await Manager.GetAsync(page.ContentItemId, VersionOptions.Latest), Is.Null);
            Assert.That(await VersionFlagsAsync(page.ContentItemId), Is.EqualTo(new[] { ("About", false, false), ("About", false, false) }));
        });
    }

    [Test]
    public async Task Versions_are_listed_oldest_first()
    {
        var page = await CreatePageAsync("One");
        foreach (var title in new[] { "Two", "Three" })
        {
            var draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
            draft!.GetOrCreatePart("TitlePart")["Title"] = title;
            await Manager.PublishAsync(draft);
        }

        Assert.That(await VersionFlagsAsync(page.ContentItemId),
            Is.EqualTo(new[] { ("One", false, false), ("Two", false, false), ("Three", true, true) }));
    }

    [Test]
    public async Task Every_item_keeps_at_most_one_latest_and_one_published_version_whatever_happens_to_it()
    {
        var pages = new List<ContentItem>();
        for (var i = 0; i < 3; i++)
        {
            pages.Add(await CreatePageAsync($"Page {i}", publish: i != 0));
        }
        foreach (var page in pages)
        {
            var draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
            await Manager.UpdateAsync(draft!);
            await Manager.PublishAsync(draft!);
            draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
            await Manager.UpdateAsync(draft!);
        }
        await Manager.UnpublishAsync(pages[1]);
        await Manager.DiscardDraftAsync(pages[2]);
        // An import brings versions with their own flags, as a recipe does.
        var imported = pages[0].Clone();
        imported.ContentItemVersionId = "imported-version";
        imported.Latest = true;
        imported.Published = true;
        await Manager.ImportAsync(imported);

        var counts = await Db.ContentItems.AsNoTracking()
            .GroupBy(r => r.ContentItemId)
            .Select(g => new { Latest = g.Count(r => r.Latest), Published = g.Count(r => r.Published) })
            .ToListAsync();
        Assert.That(counts, Has.Count.EqualTo(3));
        Assert.That(counts.Max(c => c.Latest), Is.EqualTo(1));
        Assert.That(counts.Max(c => c.Published), Is.EqualTo(1));
    }
}
