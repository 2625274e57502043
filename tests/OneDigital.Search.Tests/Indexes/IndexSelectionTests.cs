using OneDigital.Content.Items;
using OneDigital.Search.Documents;

namespace OneDigital.Search.Tests.Indexes;

/// <summary>A profile chooses the version (published or latest) and the content types its index holds.</summary>
public class IndexSelectionTests
{
    [Test]
    public async Task A_published_index_ignores_drafts_and_a_latest_index_holds_them()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var draft = await site.CreateArticleAsync("Draft only", publish: false);
        var published = await site.CreateArticleAsync("Published one");
        await site.ChangeAsync(published.ContentItemId, async (m, i) =>
        {
            i.GetOrCreatePart("TitlePart")["Title"] = "Published one, edited";
            await m.UpdateAsync(i);
        }, VersionOptions.DraftRequired);
        await site.Indexer.CatchUpAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentItemId, draft.ContentItemId), Is.Empty);
            Assert.That(await site.IdsAsync("Drafts", IndexFieldNames.ContentItemId, draft.ContentItemId), Is.Not.Empty);
            Assert.That((await site.DocumentAsync("Articles", published.ContentItemId))!.Get(IndexFieldNames.DisplayTextKeyword), Is.EqualTo("Published one"));
            Assert.That((await site.DocumentAsync("Drafts", published.ContentItemId))!.Get(IndexFieldNames.DisplayTextKeyword), Is.EqualTo("Published one, edited"));
        });
    }

    [Test]
    public async Task Only_the_profiles_content_types_are_indexed()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var note = await site.CreateArticleAsync("A note", type: "Note");
        await site.Indexer.CatchUpAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentItemId, note.ContentItemId), Is.Empty);
            Assert.That(await site.IdsAsync("Drafts", IndexFieldNames.ContentItemId, note.ContentItemId), Is.EqualTo(new[] { note.ContentItemId }));
        });
    }

    [Test]
    public async Task Unpublished_and_removed_items_leave_the_index()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var unpublished = await site.CreateArticleAsync("Unpublished later");
        var removed = await site.CreateArticleAsync("Removed later");
        await site.Indexer.CatchUpAsync();
        await site.ChangeAsync(unpublished.ContentItemId, (m, i) => m.UnpublishAsync(i));
        await site.ChangeAsync(removed.ContentItemId, (m, i) => m.RemoveAsync(i));
        await site.Indexer.CatchUpAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Is.Empty);
            Assert.That(await site.IdsAsync("Drafts", IndexFieldNames.ContentType, "Article"), Is.EqualTo(new[] { unpublished.ContentItemId }),
                "the latest index keeps the unpublished draft");
        });
    }
}
