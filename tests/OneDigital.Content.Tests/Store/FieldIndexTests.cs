using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Store;

/// <summary>The generic field index (DESIGN.md §3): any field of any type can be filtered and sorted.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class FieldIndexTests(TestDatabase database) : StoreFixture(database)
{
    private static readonly DateTime March = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Test]
    public async Task Each_field_value_is_kept_in_the_column_of_its_kind()
    {
        var report = await CreateReportAsync("Part one", 1, March, featured: true, topics: ["topic-a", "topic-b"]);

        var rows = await Db.ContentFieldIndex.AsNoTracking().Where(f => f.ContentItemId == report.ContentItemId && f.PartName == "Report")
            .OrderBy(f => f.FieldName).ThenBy(f => f.TextValue)
            .Select(f => new { f.FieldName, f.TextValue, f.NumberValue, f.DateValue, f.BooleanValue })
            .ToListAsync();

        Assert.That(rows.Select(r => (r.FieldName, r.TextValue, r.NumberValue, r.DateValue, r.BooleanValue)), Is.EqualTo(new (string, string?, double?, DateTime?, bool?)[]
        {
            ("Featured", null, null, null, true),
            ("IssuedOn", null, null, March, null),
            ("PartNumber", null, 1, null, null),
            ("Summary", "About Part one", null, null, null),
            ("Topics", "topic-a", null, null, null),
            ("Topics", "topic-b", null, null, null),
        }));
        Assert.That(rows.Single(r => r.FieldName == "IssuedOn").DateValue!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [Test]
    public async Task Versions_saved_together_each_get_index_rows_with_their_own_item_type_and_flags()
    {
        // One save writes several versions' index rows; each version's values are bound once for its rows.
        var store = new ContentItemStore(Db);
        var definitions = await Get<ContentDefinitionStore>().GetAsync();
        var items = new List<ContentItem>();
        foreach (var (title, published) in new[] { ("First", true), ("Second", false), ("Third", true) })
        {
            var report = await Manager.NewAsync("Report");
            report.GetOrCreatePart("Report")["Summary"] = new JsonObject { ["Text"] = $"About {title}" };
            report.GetOrCreatePart("Report")["PartNumber"] = new JsonObject { ["Value"] = items.Count + 1 };
            report.Latest = true;
            report.Published = published;
            items.Add(report);
        }
        var records = await Transaction.RunAsync(async () =>
        {
            var inserted = items.Select(i => store.Insert(i, definitions)).ToList();
            await store.SaveAsync();
            return inserted;
        });

        var rows = await Db.ContentFieldIndex.AsNoTracking().Where(f => f.PartName == "Report")
            .Select(f => new { f.ContentItemRecordId, f.ContentItemId, f.ContentType, f.Latest, f.Published, f.FieldName, f.TextValue, f.NumberValue })
            .ToListAsync();

        for (var i = 0; i < items.Count; i++)
        {
            var own = rows.Where(r => r.ContentItemRecordId == records[i].Id).OrderBy(r => r.FieldName).ToList();
            Assert.That(own.Select(r => (r.ContentItemId, r.ContentType, r.Latest, r.Published, r.FieldName, r.TextValue, r.NumberValue)),
                Is.EqualTo(new (string, string, bool, bool, string, string?, double?)[]
                {
                    (items[i].ContentItemId, "Report", true, items[i].Published, "PartNumber", null, i + 1),
                    (items[i].ContentItemId, "Report", true, items[i].Published, "Summary", $"About {new[] { "First", "Second", "Third" }[i]}", null),
                }));
        }
    }

    [Test]
    public async Task Items_of_a_type_can_be_filtered_and_sorted_by_a_number_field()
    {
        foreach (var n in new[] { 3, 1, 4, 2 })
        {
            await CreateReportAsync($"Part {n}", n);
        }

        var titles = await ReportTitlesAsync(
            new ContentFilter.Field("Report", "PartNumber", FieldValueKind.Number, FilterOperator.GreaterThanOrEqual, 2),
            new ContentSort.ByField("Report", "PartNumber", FieldValueKind.Number));
        var descending = await ReportTitlesAsync(null, new ContentSort.ByField("Report", "PartNumber", FieldValueKind.Number, Descending: true));

        Assert.That(titles, Is.EqualTo(new[] { "Part 2", "Part 3", "Part 4" }));
        Assert.That(descending, Is.EqualTo(new[] { "Part 4", "Part 3", "Part 2", "Part 1" }));
    }

    [Test]
    public async Task Items_can_be_filtered_by_text_date_and_boolean_fields_and_sorted_by_date_then_text()
    {
        await CreateReportAsync("Spring", 1, March, featured: true);
        await CreateReportAsync("Winter", 2, March.AddMonths(-3), featured: false);
        await CreateReportAsync("Autumn", 3, March, featured: true);

        var featured = await ReportTitlesAsync(
            new ContentFilter.Field("Report", "Featured", FieldValueKind.Boolean, FilterOperator.Equal, true),
            new ContentSort.ByField("Report", "IssuedOn", FieldValueKind.Date, Descending: true),
            new ContentSort.ByField("Report", "Summary", FieldValueKind.Text));
        var since = await ReportTitlesAsync(
            new ContentFilter.Field("Report", "IssuedOn", FieldValueKind.Date, FilterOperator.GreaterThanOrEqual, March),
            new ContentSort.ByColumn(ContentColumn.DisplayText));
        var bySummary = await ReportTitlesAsync(new ContentFilter.Field("Report", "Summary", FieldValueKind.Text, FilterOperator.Equal, "About Winter"));

        Assert.That(featured, Is.EqualTo(new[] { "Autumn", "Spring" }));
        Assert.That(since, Is.EqualTo(new[] { "Autumn", "Spring" }));
        Assert.That(bySummary, Is.EqualTo(new[] { "Winter" }));
    }

    [Test]
    public async Task A_field_with_several_values_matches_any_of_them()
    {
        await CreateReportAsync("Both", 1, topics: ["digital-inclusion", "volunteering"]);
        await CreateReportAsync("One", 2, topics: ["volunteering"]);
        await CreateReportAsync("None", 3);

        var tagged = await ReportTitlesAsync(
            new ContentFilter.Field("Report", "Topics", FieldValueKind.Text, FilterOperator.Equal, "volunteering"),
            new ContentSort.ByField("Report", "PartNumber", FieldValueKind.Number));

        Assert.That(tagged, Is.EqualTo(new[] { "Both", "One" }));
    }

    [Test]
    public async Task Only_the_latest_and_the_published_versions_are_indexed()
    {
        var report = await CreateReportAsync("First", 1);
        var draft = await Manager.GetAsync(report.ContentItemId, VersionOptions.DraftRequired);
        draft!.GetOrCreatePart("Report")["PartNumber"] = new JsonObject { ["Value"] = 2 };
        await Manager.UpdateAsync(draft);

        var whileDrafting = await PartNumberRowsAsync(report.ContentItemId);
        await Manager.PublishAsync(draft);
        var afterPublishing = await PartNumberRowsAsync(report.ContentItemId);

        Assert.That(whileDrafting, Is.EqualTo(new[] { (1.0, false, true), (2.0, true, false) }));
        Assert.That(afterPublishing, Is.EqualTo(new[] { (2.0, true, true) }));
    }

    [Test]
    public async Task A_removed_item_leaves_no_rows_in_the_index()
    {
        var report = await CreateReportAsync("Gone", 1, March, featured: true, topics: ["t"]);
        var kept = await CreateReportAsync("Kept", 2);

        await Manager.RemoveAsync(report);

        Assert.That(await Db.ContentFieldIndex.CountAsync(f => f.ContentItemId == report.ContentItemId), Is.Zero);
        Assert.That(await Db.ContentFieldIndex.CountAsync(f => f.ContentItemId == kept.ContentItemId), Is.Positive);
    }

    /// <summary>The titles of published reports the filter selects, in the sort keys' order.</summary>
    private async Task<List<string?>> ReportTitlesAsync(ContentFilter? filter, params ContentSort[] sort) =>
        (await Query.ListAsync(new ContentListRequest("Report") { Filter = filter, Sort = sort })).ConvertAll(r => r.DisplayText);

    private async Task<(double?, bool, bool)[]> PartNumberRowsAsync(string contentItemId) =>
        (await Db.ContentFieldIndex.AsNoTracking()
            .Where(f => f.ContentItemId == contentItemId && f.PartName == "Report" && f.FieldName == "PartNumber")
            .OrderBy(f => f.NumberValue)
            .Select(f => new { f.NumberValue, f.Latest, f.Published })
            .ToListAsync())
        .Select(f => (f.NumberValue, f.Latest, f.Published)).ToArray();
}
