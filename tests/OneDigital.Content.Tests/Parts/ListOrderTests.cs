// Why: ordering a list is the list's change, not an edit of each item (as in Orchard): positions change in place on
// the items' latest and published versions, readers of the list see the new order, one audit row says who did it,
// and an order that does not name exactly the list's items writes nothing.
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Parts.Lists;
using OneDigital.Content.Tests.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Parts;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class ListOrderTests(TestDatabase database) : StoreFixture(database)
{
    private ContentItem _series = null!;
    private ContentItem _one = null!, _two = null!, _three = null!;

    [SetUp]
    public async Task AddAListWithThreeItemsAsync()
    {
        await Get<ContentDefinitionStore>().AlterAsync(doc =>
        {
            var chapter = new ContentTypeDefinition
            {
                Name = "Chapter",
                DisplayName = "Chapter",
                Settings = new System.Text.Json.Nodes.JsonObject { ["ContentTypeSettings"] = new System.Text.Json.Nodes.JsonObject { ["Draftable"] = true } },
            };
            chapter.Parts.AddRange(new[] { "TitlePart", "ContainedPart" }.Select(p => new ContentTypePartDefinition { PartName = p, Name = p }));
            doc.ContentTypes.Add(chapter);
            var series = new ContentTypeDefinition { Name = "Series", DisplayName = "Series" };
            series.Parts.AddRange(new[] { "TitlePart", "ListPart" }.Select(p => new ContentTypePartDefinition { PartName = p, Name = p }));
            doc.ContentTypes.Add(series);
        });
        _series = await Manager.NewAsync("Series");
        _series.GetOrCreatePart("TitlePart")["Title"] = "Series";
        await Manager.CreateAsync(_series, publish: true);
        _one = await ChapterAsync("One");
        _two = await ChapterAsync("Two");
        _three = await ChapterAsync("Three", publish: false);
    }

    [Test]
    public async Task Reordering_moves_the_positions_in_place_and_readers_of_the_list_see_the_new_order()
    {
        // Two has a draft over its published version: both carry the new position.
        var draft = (await Manager.GetAsync(_two.ContentItemId, VersionOptions.DraftRequired))!;
        draft.GetOrCreatePart("TitlePart")["Title"] = "Two (draft)";
        await Manager.UpdateAsync(draft);
        var versionsBefore = await Db.ContentItems.CountAsync();

        await Manager.ReorderContainedAsync(_series.ContentItemId, [_three.ContentItemId, _two.ContentItemId, _one.ContentItemId]);

        var published = await Query.GetChildrenAsync([_series.ContentItemId], 0, 10);
        var (latest, total) = await Query.GetLatestChildrenAsync(_series.ContentItemId, 10);
        var twoPublished = await Query.GetPublishedAsync(_two.ContentItemId);
        Assert.Multiple(async () =>
        {
            Assert.That(published[_series.ContentItemId].Select(i => i.DisplayText), Is.EqualTo(new[] { "Two", "One" }));
            Assert.That(latest.Select(i => i.DisplayText), Is.EqualTo(new[] { "Three", "Two (draft)", "One" }));
            Assert.That(total, Is.EqualTo(3));
            Assert.That(twoPublished!.Part("ContainedPart")!["Order"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(await Db.ContentItems.CountAsync(), Is.EqualTo(versionsBefore), "no new versions");
            Assert.That((await Query.GetLatestAsync(_two.ContentItemId))!.ContentItemVersionId, Is.EqualTo(draft.ContentItemVersionId));
        });
    }

    [Test]
    public async Task One_audit_row_on_the_list_names_the_items_that_moved()
    {
        Get<ContentActor>().Set("u-1", "alice", null);

        await Manager.ReorderContainedAsync(_series.ContentItemId, [_two.ContentItemId, _one.ContentItemId, _three.ContentItemId]);

        var rows = await Db.Set<AuditEvent>().Where(e => e.Kind == AuditKind.Reordered).ToListAsync();
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That((rows[0].ContentItemId, rows[0].UserName), Is.EqualTo((_series.ContentItemId, "alice")));
        Assert.That(rows[0].Detail, Is.EqualTo("2 items moved: Two, One"));
    }

    [Test]
    public async Task An_order_naming_an_item_twice_a_foreign_item_or_leaving_one_out_is_refused_and_nothing_moves()
    {
        var stranger = await ChapterAsync("Elsewhere", list: null);

        var repeated = Assert.ThrowsAsync<ListOrderException>(() =>
            Manager.ReorderContainedAsync(_series.ContentItemId, [_two.ContentItemId, _two.ContentItemId, _one.ContentItemId, _three.ContentItemId]));
        var foreign = Assert.ThrowsAsync<ListOrderException>(() =>
            Manager.ReorderContainedAsync(_series.ContentItemId, [_three.ContentItemId, _two.ContentItemId, stranger.ContentItemId]));
        var missing = Assert.ThrowsAsync<ListOrderException>(() =>
            Manager.ReorderContainedAsync(_series.ContentItemId, [_three.ContentItemId, _two.ContentItemId]));
        var noList = Assert.ThrowsAsync<ListOrderException>(() => Manager.ReorderContainedAsync("no-such-list", []));

        var (latest, _) = await Query.GetLatestChildrenAsync(_series.ContentItemId, 10);
        Assert.Multiple(() =>
        {
            Assert.That(((Errors.IClientError)repeated!).Status, Is.EqualTo(400));
            Assert.That(((Errors.IClientError)foreign!).Status, Is.EqualTo(409));
            Assert.That(foreign!.Message, Does.Contain("not in this list"));
            Assert.That(((Errors.IClientError)missing!).Status, Is.EqualTo(409));
            Assert.That(((Errors.IClientError)noList!).Status, Is.EqualTo(404));
            Assert.That(latest.Select(i => i.DisplayText), Is.EqualTo(new[] { "One", "Two", "Three" }));
        });
    }

    private async Task<ContentItem> ChapterAsync(string title, bool publish = true, string? list = "series")
    {
        var chapter = await Manager.NewAsync("Chapter");
        chapter.GetOrCreatePart("TitlePart")["Title"] = title;
        if (list is not null) chapter.GetOrCreatePart("ContainedPart")["ListContentItemId"] = _series.ContentItemId;
        await Manager.CreateAsync(chapter, publish);
        return chapter;
    }
}
