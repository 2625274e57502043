// Why: the admin's "title contains" is narrowed by a trigram index (SQLite FTS5, PostgreSQL pg_trgm) so it stays fast
// at 100,000 items; these prove the index only saves reading: every term finds exactly what a case-insensitive
// LIKE '%term%' finds, with accents, case, LIKE's own wildcards and quotes, short terms included, after edits too.
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Querying.TitleSearch;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Tests.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Querying;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class TitleContainsTests(TestDatabase database) : StoreFixture(database)
{
    private static readonly string[] Titles =
    [
        "Café Crème", "CAFÉ AU LAIT", "cafe latte", "Caffè", "100% pure", "100 percent pure", "under_score", "underXscore",
        "O'Brien's \"quoted\" title", "Back\\slash path", "Naïve résumé", "NAÏVE RÉSUMÉ", "Straße", "STRASSE", "plain title",
        "Ünïcödé ☕ cup", "a", "ab",
    ];

    private static readonly string[] Terms =
    [
        "café", "CAFÉ", "afé", "caf", "cafe", "Crème", "100%", "0% p", "% p", "r_s", "_", "%", "o'b", "n's \"q", "\"quoted\"",
        "k\\s", "\\", "naïve", "NAÏVE RÉS", "ésu", "straße", "strasse", "☕ c", "ünï", "title", "TITLE", "it", "é", "a", "",
        "no such words", "e l", " ",
    ];

    [SetUp]
    public async Task SeedAsync()
    {
        foreach (var title in Titles)
        {
            await CreatePageAsync(title, publish: title.Length % 2 == 0);
        }
    }

    [Test]
    public async Task Every_term_finds_exactly_what_a_case_insensitive_LIKE_finds()
    {
        var found = 0;
        foreach (var term in Terms)
        {
            var request = Contains(term);

            var listed = (await Query.ListAsync(request)).Select(i => i.DisplayText).Order(StringComparer.Ordinal).ToList();
            var expected = await LikeAsync(term);

            Assert.That(listed, Is.EqualTo(expected), $"contains '{term}'");
            Assert.That(await Query.CountAsync(request), Is.EqualTo(expected.Count), $"count of contains '{term}'");
            found += expected.Count;
        }
        Assert.That(found, Is.GreaterThan(Terms.Length), "the terms find titles, so the comparison proves something");
    }

    [Test]
    public async Task Wildcards_and_quotes_in_a_term_are_matched_as_themselves()
    {
        Assert.That(await TitlesAsync("100%"), Is.EqualTo(new[] { "100% pure" }));
        Assert.That(await TitlesAsync("r_s"), Is.EqualTo(new[] { "under_score" }));
        Assert.That(await TitlesAsync("\"quoted\""), Is.EqualTo(new[] { "O'Brien's \"quoted\" title" }));
        Assert.That(await TitlesAsync("k\\s"), Is.EqualTo(new[] { "Back\\slash path" }));
        Assert.That(await TitlesAsync("PURE"), Is.EqualTo(new[] { "100 percent pure", "100% pure" }), "case is ignored");
        Assert.That(await TitlesAsync("cafe"), Is.EqualTo(new[] { "cafe latte" }), "accents are not ignored, as LIKE does not");
    }

    [Test]
    public async Task An_edited_or_deleted_title_is_found_by_its_new_words_only()
    {
        var page = await CreatePageAsync("Old heading", publish: false);
        var draft = await Manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
        draft!.GetOrCreatePart("TitlePart")["Title"] = "New heading";
        await Manager.UpdateAsync(draft);
        var removed = await CreatePageAsync("Removed heading");
        await Manager.RemoveAsync(removed);

        Assert.That(await TitlesAsync("heading"), Is.EqualTo(new[] { "New heading" }));
        Assert.That(await TitlesAsync("old head"), Is.Empty);
    }

    [Test]
    public async Task On_SQLite_an_indexed_term_reads_the_title_index_and_then_only_its_candidate_rows()
    {
        if (Database != TestDatabase.Sqlite) Assert.Ignore("the plan is checked on SQLite's EXPLAIN QUERY PLAN");
        var db = Db;
        var records = db.ContentItems.AsNoTracking();
        var request = Contains("report") with { Take = 20, Sort = [new ContentSort.ByColumn(ContentColumn.ModifiedUtc, Descending: true)] };
        var filtered = ContentListSql.Filtered(request, records, db.ContentFieldIndex.AsNoTracking(), db.Set<ScheduledChange>().AsNoTracking(), new TitleCandidates(db));

        var count = await PlanAsync(filtered.Select(r => r.Id).ToQueryString());

        Assert.That(count, Has.Some.Contains("VIRTUAL TABLE"), string.Join("; ", count));
        Assert.That(count, Has.Some.Contains("USING INTEGER PRIMARY KEY"), string.Join("; ", count));
        Assert.That(count, Has.None.Contains("IX_ContentItems_AdminList"), "no walk over every latest version: " + string.Join("; ", count));
    }

    private static ContentListRequest Contains(string term) => new(null)
    {
        Status = ContentStatus.Latest,
        Filter = new ContentFilter.And([new ContentFilter.Column(ContentColumn.DisplayText, FilterOperator.Contains, term)]),
    };

    private async Task<List<string?>> TitlesAsync(string term) =>
        [.. (await Query.ListAsync(Contains(term))).Select(i => i.DisplayText).Order(StringComparer.Ordinal)];

    /// <summary>The reference: the latest titles whose lower case holds the lower-cased term, by the database's own LIKE.</summary>
    private async Task<List<string?>> LikeAsync(string term)
    {
        var pattern = "%" + term.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var connection = Db.Database.GetDbConnection();
        await Db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "DisplayText" FROM "ContentItems" WHERE "Latest" = @latest AND lower("DisplayText") LIKE @pattern ESCAPE '\'""";
        Add(command, "latest", true);
        Add(command, "pattern", pattern);
        var titles = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) titles.Add(reader.GetString(0));
        return [.. titles.Order(StringComparer.Ordinal)];
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>SQLite's plan of a query from ToQueryString, whose ".param set" lines are bound as parameters.</summary>
    private async Task<List<string>> PlanAsync(string sql)
    {
        await Db.Database.OpenConnectionAsync();
        await using var command = (SqliteCommand)Db.Database.GetDbConnection().CreateCommand();
        var lines = sql.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 4);
            var value = parts[3].TrimEnd('\r');
            command.Parameters.AddWithValue(parts[2], value.StartsWith('\'') ? value.Trim('\'').Replace("''", "'", StringComparison.Ordinal) : value);
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return plan;
    }
}
