// Why: a bounded page is read in two steps (the page's ids off the columns, then those rows whole), so the admin's
// list stays fast at 100,000 items; these prove a page is still exactly its slice of the whole list, whatever the
// sort, ties or filter, and that on SQLite the admin's list is read off its covering index without a sort.
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Tests.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Querying;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class ContentListPagingTests(TestDatabase database) : StoreFixture(database)
{
    private static readonly ContentSort[][] Sorts =
    [
        [],
        [new ContentSort.ByColumn(ContentColumn.ModifiedUtc, Descending: true)],
        // Every latest version ties on Latest: only the tie-break orders them.
        [new ContentSort.ByColumn(ContentColumn.Latest)],
        [new ContentSort.ByColumn(ContentColumn.DisplayText, Descending: true)],
        [new ContentSort.ByField("Report", "PartNumber", FieldValueKind.Number), new ContentSort.ByColumn(ContentColumn.DisplayText)],
    ];

    [SetUp]
    public async Task SeedAsync()
    {
        foreach (var n in new[] { 3, 1, 5, 2, 4, 2, 3 })
        {
            await CreateReportAsync($"Report {n}", n);
        }
        foreach (var title in new[] { "Page b", "Page a", "Page c" })
        {
            await CreatePageAsync(title, publish: title != "Page a");
        }
    }

    [Test]
    public async Task Each_page_is_its_slice_of_the_whole_list_in_every_sort()
    {
        foreach (var sort in Sorts)
        {
            var whole = new ContentListRequest(null) { Status = ContentStatus.Latest, Sort = sort };
            var all = Versions(await Query.ListAsync(whole));
            var paged = new List<string>();
            for (var skip = 0; skip < all.Count + 3; skip += 3)
            {
                paged.AddRange(Versions(await Query.ListAsync(whole with { Skip = skip, Take = 3 })));
            }

            Assert.That(all, Has.Count.EqualTo(10), string.Join(", ", sort));
            Assert.That(paged, Is.EqualTo(all), $"sorted by {string.Join(", ", sort)}");
        }
    }

    [Test]
    public async Task A_page_read_as_plain_SQL_is_the_page_EF_plans_in_every_column_order_and_status()
    {
        // An empty and is true, and sends the same request through EF's plan.
        var everything = new ContentFilter.And([]);
        foreach (var status in new[] { ContentStatus.Published, ContentStatus.Latest, ContentStatus.Draft, ContentStatus.All })
        foreach (var type in new[] { "Report", null })
        foreach (var sort in Enum.GetValues<ContentColumn>().SelectMany(c => new ContentSort[][] { [new ContentSort.ByColumn(c)], [new ContentSort.ByColumn(c, Descending: true)] }).Append([]))
        {
            var request = new ContentListRequest(type) { Status = status, Sort = sort, Skip = 1, Take = 4 };
            var described = $"{status} {type} {string.Join(", ", sort)}";

            var plain = await Query.ListAsync(request);

            Assert.That(ContentListSql.PlainPage(request), Is.Not.Null, described);
            var planned = await Query.ListAsync(request with { Filter = everything });
            Assert.That(plain.Select(i => (i.ContentItemVersionId, i.Latest, i.Published)), Is.EqualTo(planned.Select(i => (i.ContentItemVersionId, i.Latest, i.Published))), described);
        }
        Assert.That(ContentListSql.PlainPage(new ContentListRequest("Report") { Take = 4, Filter = everything }), Is.Null);
        Assert.That(ContentListSql.PlainPage(new ContentListRequest("Report") { Take = 4, OwnedBy = new ContentOwner("someone") }), Is.Null);
        Assert.That(ContentListSql.PlainPage(new ContentListRequest("Report")), Is.Null, "an unbounded list");
    }

    [Test]
    public async Task A_filtered_page_counts_and_pages_only_what_the_filter_selects()
    {
        var request = new ContentListRequest(null)
        {
            Status = ContentStatus.Latest,
            Filter = new ContentFilter.And(
            [
                new ContentFilter.Column(ContentColumn.ContentType, FilterOperator.In, new[] { "Report", "Note" }),
                new ContentFilter.Column(ContentColumn.DisplayText, FilterOperator.Contains, "RT 3"),
            ]),
            Sort = [new ContentSort.ByColumn(ContentColumn.ModifiedUtc, Descending: true)],
            Skip = 1,
            Take = 5,
        };

        var page = await Query.ListAsync(request);

        Assert.That(await Query.CountAsync(request), Is.EqualTo(2));
        Assert.That(page.Select(i => i.DisplayText), Is.EqualTo(new[] { "Report 3" }));
        Assert.That(await Query.ListAsync(request with { Skip = 2 }), Is.Empty);
    }

    [Test]
    public async Task On_SQLite_the_admins_page_and_count_are_read_off_the_covering_index_without_a_sort()
    {
        if (Database != TestDatabase.Sqlite) Assert.Ignore("the plan is checked on SQLite's EXPLAIN QUERY PLAN");
        var db = Db;
        var records = db.ContentItems.AsNoTracking();
        var request = new ContentListRequest(null)
        {
            Status = ContentStatus.Latest,
            Filter = new ContentFilter.And(
            [
                new ContentFilter.Or(
                [
                    new ContentFilter.Column(ContentColumn.ContentType, FilterOperator.In, new[] { "Report", "Page" }),
                    new ContentFilter.And(
                    [
                        new ContentFilter.Column(ContentColumn.ContentType, FilterOperator.In, new[] { "Note" }),
                        new ContentFilter.Column(ContentColumn.Owner, FilterOperator.Equal, "someone"),
                    ]),
                ]),
                // Two letters: too short for the title index, so the covering index serves the title search too.
                new ContentFilter.Column(ContentColumn.DisplayText, FilterOperator.Contains, "rt"),
            ]),
            Sort = [new ContentSort.ByColumn(ContentColumn.ModifiedUtc, Descending: true)],
            Skip = 20_000,
            Take = 20,
        };
        var filtered = ContentListSql.Filtered(request, records, db.ContentFieldIndex.AsNoTracking(), db.Set<ScheduledChange>().AsNoTracking(), new OneDigital.Content.Querying.TitleSearch.TitleCandidates(db));

        var page = await PlanAsync(ContentListSql.Page(request, filtered, records, db.ContentFieldIndex.AsNoTracking()).ToQueryString());
        var count = await PlanAsync(filtered.Select(r => r.Id).ToQueryString());

        Assert.That(page, Has.Some.Contains("COVERING INDEX IX_ContentItems_AdminList"), string.Join("; ", page));
        Assert.That(page, Has.Some.Contains("USING INTEGER PRIMARY KEY"), "only the page's rows are read whole: " + string.Join("; ", page));
        Assert.That(count, Has.Some.Contains("COVERING INDEX IX_ContentItems_AdminList"), string.Join("; ", count));
        // The outer sort orders the page's few rows; the walk over the matching rows is in index order.
        Assert.That(page.Count(p => p.Contains("TEMP B-TREE", StringComparison.Ordinal)), Is.LessThanOrEqualTo(1), string.Join("; ", page));
        Assert.That(count, Has.None.Contains("TEMP B-TREE"), string.Join("; ", count));
    }

    /// <summary>Every order GraphQL's orderBy offers on a type's columns, and its default (newest first).</summary>
    private static readonly ContentSort[][] PartnerOrders =
    [
        [],
        [new ContentSort.ByColumn(ContentColumn.PublishedUtc, Descending: true)],
        [new ContentSort.ByColumn(ContentColumn.PublishedUtc)],
        [new ContentSort.ByColumn(ContentColumn.CreatedUtc)],
        [new ContentSort.ByColumn(ContentColumn.ModifiedUtc, Descending: true)],
        [new ContentSort.ByColumn(ContentColumn.DisplayText)],
        [new ContentSort.ByColumn(ContentColumn.DisplayText, Descending: true)],
    ];

    [Test]
    public async Task A_partners_page_walks_an_index_in_its_order_and_stops_after_the_page()
    {
        await SeedBulkReportsAsync(4_000);
        var db = Db;
        var records = db.ContentItems.AsNoTracking();
        var index = db.ContentFieldIndex.AsNoTracking();
        // A topic a third of the reports have: the walk in the list's order meets a page of them soon.
        var topic = new ContentFilter.Field("Report", "Topics", FieldValueKind.Text, FilterOperator.Equal, "topic1");
        foreach (var (sort, filter) in PartnerOrders.SelectMany(s => new[] { (s, (ContentFilter?)null), (s, topic) }))
        {
            // PostgreSQL keeps titles out of its indexes (an entry over 2.7 kB is refused): it sorts by title.
            if (Database == TestDatabase.Postgres && sort is [ContentSort.ByColumn { Column: ContentColumn.DisplayText }]) continue;
            var request = new ContentListRequest("Report") { Sort = sort, Filter = filter, Skip = 20, Take = 10 };
            // As ContentQuery.ListAsync plans it.
            var fieldsPlan = Database == TestDatabase.Sqlite ? await ContentListSql.PlanFieldsAsync(request, db, default) : FieldsPlan.Set;
            var probe = fieldsPlan == FieldsPlan.Probe;
            var filtered = ContentListSql.Filtered(request, records, index, db.Set<ScheduledChange>().AsNoTracking(), new OneDigital.Content.Querying.TitleSearch.TitleCandidates(db), fieldsPlan);

            var plan = await PlanAsync(ContentListSql.PageIds(request, filtered, index));

            var described = $"{string.Join(", ", sort)} {filter}: {string.Join("; ", plan)}";
            Assert.That(plan, Has.None.Contains("TEMP B-TREE").And.None.Contains("SCAN ContentItems"), described);
            Assert.That(plan, Has.None.Match(@"\bSort\b").And.None.Contains("Seq Scan on \"ContentItems\""), described);
            Assert.That(plan, Has.Some.Contains("ContentType_Published"), described);
            // Each walked row's own values are read, not every row with the value.
            if (probe) Assert.That(plan, Has.Some.Contains("(ContentItemRecordId=?)"), described);
        }
    }

    [Test]
    public async Task A_partners_plain_page_walks_an_index_in_its_order_and_reads_only_the_pages_rows()
    {
        await SeedBulkReportsAsync(4_000);
        var sqlite = Database == TestDatabase.Sqlite;
        foreach (var sort in PartnerOrders)
        {
            if (!sqlite && sort is [ContentSort.ByColumn { Column: ContentColumn.DisplayText }]) continue;
            var (sql, values) = ContentListSql.PlainPage(new ContentListRequest("Report") { Sort = sort, Skip = 20, Take = 10 })!.Value;
            await using var command = await OneDigital.Content.Store.StoreCommands.SqlAsync(Db, (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql, default, values);
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) plan.Add(reader.GetString(sqlite ? 3 : 0));
            }

            var described = $"{string.Join(", ", sort)}: {string.Join("; ", plan)}";
            Assert.That(plan, Has.None.Contains("SCAN ContentItems").And.None.Contains("Seq Scan on \"ContentItems\""), described);
            Assert.That(plan, Has.Some.Contains("ContentType_Published"), described);
        }
    }

    [Test]
    public async Task A_field_value_few_items_have_leads_and_one_many_have_is_probed_along_the_walk()
    {
        await SeedBulkReportsAsync(4_000);
        var page = new ContentListRequest("Report") { Skip = 20, Take = 10 };
        ContentListRequest Having(string topic) => page with
        {
            Filter = new ContentFilter.And([new ContentFilter.Field("Report", "Topics", FieldValueKind.Text, FilterOperator.Equal, topic)]),
        };

        Assert.That(await ContentListSql.PlanFieldsAsync(Having("topic1"), Db, default), Is.EqualTo(FieldsPlan.Probe));
        Assert.That(await ContentListSql.PlanFieldsAsync(Having("nobody's topic"), Db, default), Is.EqualTo(FieldsPlan.Lead));
        Assert.That(await ContentListSql.PlanFieldsAsync(page, Db, default), Is.EqualTo(FieldsPlan.Set));
        Assert.That(await ContentListSql.PlanFieldsAsync(Having("topic1") with { Take = null }, Db, default), Is.EqualTo(FieldsPlan.Set));
        var oneTypesTopics = page with
        {
            Filter = new ContentFilter.And([new ContentFilter.Or([new ContentFilter.Field("Report", "Topics", FieldValueKind.Text, FilterOperator.In, new[] { "topic1", "topic2" })])]),
        };
        Assert.That(await ContentListSql.PlanFieldsAsync(oneTypesTopics, Db, default), Is.EqualTo(FieldsPlan.Probe), "an OR of one condition, as the site's related items ask");
    }

    [Test]
    public async Task On_SQLite_a_page_by_path_reads_the_paths_row_by_id_without_walking_the_type()
    {
        if (Database != TestDatabase.Sqlite) Assert.Ignore("the plan is checked on SQLite's EXPLAIN QUERY PLAN; PostgreSQL weighs it from its statistics");
        await SeedBulkReportsAsync(4_000);
        await Db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "ContentFieldIndex" ("ContentItemRecordId", "ContentItemId", "ContentType", "PartName", "FieldName", "Latest", "Published", "TextValue")
            SELECT "Id", "ContentItemId", 'Report', 'AutoroutePart', 'Path', "Latest", "Published", 'reports/' || "ContentItemId" FROM "ContentItems" WHERE "ContentItemId" LIKE 'bulk%'
            """);
        var db = Db;
        var index = db.ContentFieldIndex.AsNoTracking();
        var byPath = new ContentListRequest("Report")
        {
            Filter = new ContentFilter.And([new ContentFilter.And([new ContentFilter.Field("AutoroutePart", "Path", FieldValueKind.Text, FilterOperator.Equal, "reports/bulk1200")])]),
            Take = 100,
        };
        var fieldsPlan = await ContentListSql.PlanFieldsAsync(byPath, db, default);
        var filtered = ContentListSql.Filtered(byPath, db.ContentItems.AsNoTracking(), index, db.Set<ScheduledChange>().AsNoTracking(), new OneDigital.Content.Querying.TitleSearch.TitleCandidates(db), fieldsPlan);

        var plan = await PlanAsync(ContentListSql.PageIds(byPath, filtered, index));

        Assert.That(fieldsPlan, Is.EqualTo(FieldsPlan.Lead), "a path leads without a count first");
        var described = string.Join("; ", plan);
        Assert.That(plan, Has.Some.Contains("INTEGER PRIMARY KEY"), described);
        Assert.That(plan, Has.None.Contains("ContentType_Published").And.None.Contains("SCAN ContentItems"), "no walk over the type's versions: " + described);
        var id = await db.ContentItems.Where(r => r.ContentItemId == "bulk1200").Select(r => r.Id).SingleAsync();
        Assert.That(await ContentListSql.PageIds(byPath, filtered, index).ToListAsync(), Is.EqualTo(new[] { id }));
    }

    [Test]
    public async Task A_page_filtered_by_a_field_is_the_same_whether_its_field_is_probed_or_read_by_its_index()
    {
        await SeedBulkReportsAsync(300);
        var db = Db;
        var records = db.ContentItems.AsNoTracking();
        var index = db.ContentFieldIndex.AsNoTracking();
        var request = new ContentListRequest("Report")
        {
            Filter = new ContentFilter.Or(
            [
                new ContentFilter.Field("Report", "Topics", FieldValueKind.Text, FilterOperator.Equal, "topic2"),
                new ContentFilter.Not(new ContentFilter.Field("Report", "Topics", FieldValueKind.Text, FilterOperator.In, new[] { "topic0", "topic2" })),
            ]),
            Sort = [new ContentSort.ByColumn(ContentColumn.PublishedUtc, Descending: true)],
            Skip = 7,
            Take = 40,
        };
        async Task<List<long>> PageAsync(FieldsPlan fieldsPlan) => await ContentListSql.PageIds(request,
            ContentListSql.Filtered(request, records, index, db.Set<ScheduledChange>().AsNoTracking(), new OneDigital.Content.Querying.TitleSearch.TitleCandidates(db), fieldsPlan), index).ToListAsync();

        var read = await PageAsync(FieldsPlan.Set);

        Assert.That(read, Has.Count.EqualTo(40));
        Assert.That(await PageAsync(FieldsPlan.Probe), Is.EqualTo(read));
        Assert.That(await PageAsync(FieldsPlan.Lead), Is.EqualTo(read));
    }

    /// <summary>
    /// Published and draft reports written straight to the tables (a plan test needs rows for the planner to weigh,
    /// not whole items), a topic each in the field index, then the statistics refreshed.
    /// </summary>
    private async Task SeedBulkReportsAsync(int count)
    {
        var postgres = Database == TestDatabase.Postgres;
        var date = postgres
            ? "TIMESTAMPTZ '2026-01-01' + i * INTERVAL '1 minute'"
            : "strftime('%Y-%m-%d %H:%M:%f', '2026-01-01', '+' || i || ' minutes')";
        var reports = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO "ContentItems" ("ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
                "CreatedUtc", "ModifiedUtc", "PublishedUtc", "Document")
            SELECT 'bulk' || i, 'bulkv' || i, 'Report', 'Bulk ' || i, (1 = 1), (i % 7 <> 0), {date}, {date}, {date}, '[]' FROM n
            """;
        await Db.Database.ExecuteSqlRawAsync(reports);
        await Db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "ContentFieldIndex" ("ContentItemRecordId", "ContentItemId", "ContentType", "PartName", "FieldName", "Latest", "Published", "TextValue")
            SELECT "Id", "ContentItemId", 'Report', 'Report', 'Topics', "Latest", "Published", 'topic' || ("Id" % 3) FROM "ContentItems" WHERE "ContentItemId" LIKE 'bulk%'
            """);
        await Db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    /// <summary>The provider's plan of a query, with its parameters bound: EXPLAIN QUERY PLAN's details, or EXPLAIN's lines.</summary>
    private async Task<List<string>> PlanAsync<T>(IQueryable<T> query)
    {
        await Db.Database.OpenConnectionAsync();
        await using var command = query.CreateDbCommand();
        var sqlite = Database == TestDatabase.Sqlite;
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(sqlite ? 3 : 0));
        return plan;
    }

    private static List<string> Versions(IEnumerable<ContentItem> items) => [.. items.Select(i => i.ContentItemVersionId)];

    /// <summary>SQLite's plan of a query from ToQueryString, whose ".param set" lines are bound as parameters.</summary>
    private async Task<List<string>> PlanAsync(string sql)
    {
        await Db.Database.OpenConnectionAsync();
        await using var command = (SqliteCommand)Db.Database.GetDbConnection().CreateCommand();
        var lines = sql.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 4);
            command.Parameters.AddWithValue(parts[2], Literal(parts[3].TrimEnd('\r')));
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return plan;
    }

    private static object Literal(string value) =>
        value.StartsWith('\'') ? value.Trim('\'').Replace("''", "'", StringComparison.Ordinal)
        : long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : value;
}
