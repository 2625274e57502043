using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Tests.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Querying;

/// <summary>ContentQuery, the one way callers read content: each kind of read, on each database.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class ContentQueryTests(TestDatabase database) : StoreFixture(database)
{
    [SetUp]
    public async Task AddRoutedAndContainedTypesAsync()
    {
        // Article: a path and an alias of its own, and a place in a Series (a list).
        await Get<ContentDefinitionStore>().AlterAsync(doc =>
        {
            var article = new ContentTypeDefinition { Name = "Article", DisplayName = "Article" };
            article.Parts.AddRange(new[] { "TitlePart", "AutoroutePart", "AliasPart", "ContainedPart" }
                .Select(p => new ContentTypePartDefinition { PartName = p, Name = p }));
            doc.ContentTypes.Add(article);
            var series = new ContentTypeDefinition { Name = "Series", DisplayName = "Series" };
            series.Parts.AddRange(new[] { "TitlePart", "ListPart" }.Select(p => new ContentTypePartDefinition { PartName = p, Name = p }));
            doc.ContentTypes.Add(series);
        });
    }

    [Test]
    public async Task By_id_the_published_version_is_served_while_the_latest_is_a_draft()
    {
        var page = await CreatePageAsync("Before");
        var draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
        draft!.GetOrCreatePart("TitlePart")["Title"] = "After";
        await Manager.UpdateAsync(draft);

        var published = await Query.GetPublishedAsync(page.ContentItemId);
        var latest = await Query.GetLatestAsync(page.ContentItemId);

        Assert.That((published!.DisplayText, published.Published, latest!.DisplayText, latest.Published), Is.EqualTo(("Before", true, "After", false)));
        Assert.That(await Query.GetPublishedAsync("no-such-item"), Is.Null);
    }

    [Test]
    public async Task Many_by_ids_come_in_the_order_asked_once_each_and_only_if_published()
    {
        var a = await CreatePageAsync("A");
        var b = await CreatePageAsync("B");
        var draft = await CreatePageAsync("Draft", publish: false);

        var items = await Query.GetPublishedAsync([b.ContentItemId, draft.ContentItemId, a.ContentItemId, b.ContentItemId, "no-such-item"]);

        Assert.That(items.Select(i => i.DisplayText), Is.EqualTo(new[] { "B", "A" }));
    }

    [Test]
    public async Task Many_by_ids_beyond_a_thousand_find_the_published_versions_in_every_chunk()
    {
        var first = await CreatePageAsync("First");
        var last = await CreatePageAsync("Last");
        var draft = await Manager.GetAsync(last.ContentItemId, VersionOptions.DraftRequired);
        draft!.GetOrCreatePart("TitlePart")["Title"] = "Last, unpublished edit";
        await Manager.UpdateAsync(draft);
        var ids = Enumerable.Range(0, 1_500).Select(i => $"missing-{i}").ToList();
        ids[0] = first.ContentItemId;
        ids[1_400] = last.ContentItemId;

        var byId = await Query.GetPublishedByIdAsync(ids);

        Assert.That(byId.Keys, Is.EquivalentTo(new[] { first.ContentItemId, last.ContentItemId }));
        Assert.That((byId[last.ContentItemId].DisplayText, byId[last.ContentItemId].Published, byId[last.ContentItemId].Latest),
            Is.EqualTo(("Last", true, false)));
    }

    [Test]
    public async Task An_item_is_found_by_its_path_and_by_its_alias()
    {
        var article = await CreateArticleAsync("Routed", path: "news/routed", alias: "routed-alias");
        await CreateArticleAsync("Other", path: "news/other", alias: "other-alias");

        var byPath = await Query.GetByPathAsync("news/routed");
        var byAlias = await Query.GetByAliasAsync("routed-alias");

        Assert.That((byPath?.ContentItemId, byAlias?.ContentItemId), Is.EqualTo((article.ContentItemId, article.ContentItemId)));
        Assert.That(await Query.GetByPathAsync("news/none"), Is.Null);
        Assert.That(await Query.IsPathTakenAsync("news/routed", exceptContentItemId: "someone-else"), Is.True);
        Assert.That(await Query.IsPathTakenAsync("news/routed", exceptContentItemId: article.ContentItemId), Is.False);
    }

    [Test]
    public async Task A_list_filters_sorts_pages_and_counts_what_its_filter_selects()
    {
        foreach (var n in new[] { 3, 1, 5, 2, 4 })
        {
            await CreateReportAsync($"Part {n}", n);
        }
        await CreateReportAsync("Part 6", 6, publish: false);
        var request = new ContentListRequest("Report")
        {
            // Part 2 or above, but not the one whose summary mentions 4.
            Filter = new ContentFilter.And(
            [
                new ContentFilter.Field("Report", "PartNumber", FieldValueKind.Number, FilterOperator.GreaterThanOrEqual, 2),
                new ContentFilter.Not(new ContentFilter.Field("Report", "Summary", FieldValueKind.Text, FilterOperator.Contains, "PART 4")),
            ]),
            Sort = [new ContentSort.ByField("Report", "PartNumber", FieldValueKind.Number, Descending: true)],
            Skip = 1,
            Take = 2,
        };

        var page = await Query.ListAsync(request);
        var count = await Query.CountAsync(request);
        var drafts = await Query.ListAsync(new ContentListRequest("Report") { Status = ContentStatus.Draft });

        Assert.That(page.Select(i => i.DisplayText), Is.EqualTo(new[] { "Part 3", "Part 2" }));
        Assert.That(count, Is.EqualTo(3));
        Assert.That(drafts.Select(i => i.DisplayText), Is.EqualTo(new[] { "Part 6" }));
    }

    [Test]
    public async Task A_list_without_a_type_reads_every_type_and_a_type_column_filter_narrows_and_counts_it()
    {
        await CreatePageAsync("Page one");
        await CreateArticleAsync("Article one");
        await CreatePageAsync("Page two");

        var every = await Query.ListAsync(new ContentListRequest(null) { Status = ContentStatus.Latest, Sort = [new ContentSort.ByColumn(ContentColumn.DisplayText)] });
        var articlesOnly = new ContentListRequest(null)
        {
            Status = ContentStatus.Latest,
            Filter = new ContentFilter.Column(ContentColumn.ContentType, FilterOperator.In, new[] { "Article" }),
        };

        Assert.That(every.Select(i => i.DisplayText), Is.SupersetOf(new[] { "Article one", "Page one", "Page two" }));
        Assert.That((await Query.ListAsync(articlesOnly)).Select(i => i.DisplayText), Is.EqualTo(new[] { "Article one" }));
        Assert.That(await Query.CountAsync(articlesOnly), Is.EqualTo(1));
    }

    [Test]
    public async Task Item_states_say_published_draft_or_both_without_reading_documents()
    {
        var published = await CreatePageAsync("Published");
        var draft = await CreatePageAsync("Draft", publish: false);
        var both = await CreatePageAsync("Both");
        var newer = await Manager.GetAsync(both.ContentItemId, VersionOptions.DraftRequired);
        await Manager.UpdateAsync(newer!);

        var states = await Query.GetStatesAsync([published.ContentItemId, draft.ContentItemId, both.ContentItemId]);

        Assert.That(states[published.ContentItemId], Is.EqualTo(new ContentItemState(true, false, false)));
        Assert.That(states[draft.ContentItemId], Is.EqualTo(new ContentItemState(false, true, false)));
        Assert.That(states[both.ContentItemId], Is.EqualTo(new ContentItemState(true, true, false)));
    }

    [Test]
    public async Task Without_sort_keys_a_list_is_newest_first_and_can_be_limited_to_an_owner_and_a_column()
    {
        foreach (var title in new[] { "First", "Second", "Third" })
        {
            await CreatePageAsync(title);
        }

        var newestFirst = await Query.ListAsync(new ContentListRequest("Page"));
        var owned = await Query.ListAsync(new ContentListRequest("Page") { OwnedBy = new ContentOwner("someone") });
        var either = await Query.ListAsync(new ContentListRequest("Page")
        {
            Filter = new ContentFilter.Or(
            [
                new ContentFilter.Column(ContentColumn.DisplayText, FilterOperator.Equal, "First"),
                new ContentFilter.Column(ContentColumn.DisplayText, FilterOperator.In, new[] { "Third" }),
            ]),
            Sort = [new ContentSort.ByColumn(ContentColumn.DisplayText)],
        });

        Assert.That(newestFirst.Select(i => i.DisplayText), Is.EqualTo(new[] { "Third", "Second", "First" }));
        Assert.That(owned, Is.Empty);
        Assert.That(either.Select(i => i.DisplayText), Is.EqualTo(new[] { "First", "Third" }));
    }

    [Test]
    public async Task The_children_of_lists_come_by_position_one_page_per_list()
    {
        var series = await CreateSeriesAsync("Series");
        var other = await CreateSeriesAsync("Other series");
        foreach (var title in new[] { "One", "Two", "Three" })
        {
            await CreateArticleAsync(title, list: series.ContentItemId);
        }
        await CreateArticleAsync("Elsewhere", list: other.ContentItemId);

        var one = await Query.GetChildrenAsync([series.ContentItemId], skip: 1, take: 2);
        var both = await Query.GetChildrenAsync([series.ContentItemId, other.ContentItemId], skip: 0, take: 2);

        Assert.That(one[series.ContentItemId].Select(i => i.DisplayText), Is.EqualTo(new[] { "Two", "Three" }));
        Assert.That(both[series.ContentItemId].Select(i => i.DisplayText), Is.EqualTo(new[] { "One", "Two" }));
        Assert.That(both[other.ContentItemId].Select(i => i.DisplayText), Is.EqualTo(new[] { "Elsewhere" }));
        Assert.That(await Query.LastOrderInListAsync(series.ContentItemId, exceptContentItemId: ""), Is.EqualTo(2));
    }

    [Test]
    public async Task Every_version_of_an_item_is_read_oldest_first_and_each_by_its_version_id()
    {
        var page = await CreatePageAsync("v1");
        var draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
        draft!.GetOrCreatePart("TitlePart")["Title"] = "v2";
        await Manager.PublishAsync(draft);

        var versions = await Query.GetVersionsAsync(page.ContentItemId);
        var first = await Query.GetVersionAsync(page.ContentItemVersionId);

        Assert.That(versions.Select(v => (v.DisplayText, v.Latest, v.Published)), Is.EqualTo(new[] { ("v1", false, false), ("v2", true, true) }));
        Assert.That(first!.DisplayText, Is.EqualTo("v1"));
        Assert.That(await Query.ExistsAsync(page.ContentItemId), Is.True);
        Assert.That(await Query.ExistsAsync("no-such-item"), Is.False);
    }

    private async Task<ContentItem> CreateArticleAsync(string title, string? path = null, string? alias = null, string? list = null)
    {
        var article = await Manager.NewAsync("Article");
        article.GetOrCreatePart("TitlePart")["Title"] = title;
        if (path is not null) article.GetOrCreatePart("AutoroutePart")["Path"] = path;
        if (alias is not null) article.GetOrCreatePart("AliasPart")["Alias"] = alias;
        if (list is not null) article.GetOrCreatePart("ContainedPart")["ListContentItemId"] = list;
        await Manager.CreateAsync(article, publish: true);
        return article;
    }

    private async Task<ContentItem> CreateSeriesAsync(string title)
    {
        var series = await Manager.NewAsync("Series");
        series.GetOrCreatePart("TitlePart")["Title"] = title;
        await Manager.CreateAsync(series, publish: true);
        return series;
    }
}
