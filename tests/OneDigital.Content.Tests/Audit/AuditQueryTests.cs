// Why: the audit page is read by people looking for one event among many: each filter must narrow correctly, pages
// must not skip or repeat rows, and the default page must come off the time index rather than a sort of the table.
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneDigital.Content.Audit;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Audit;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class AuditQueryTests(TestDatabase database)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private FakeTimeProvider _clock = null!;
    private TestStore _store = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeTimeProvider(Start);
        _store = await TestStore.CreateAsync(database, configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        // One event an hour: alice edits item-1, bob publishes item-2, a failed sign-in for "mallory".
        await RecordAsync(new AuditEntry(AuditKind.Created) { UserName = "alice", ContentItemId = "item-1", ContentType = "Article", DisplayText = "Spring fair" });
        await RecordAsync(new AuditEntry(AuditKind.Updated) { UserName = "alice", ContentItemId = "item-1", ContentType = "Article", DisplayText = "Spring Fair 2026" });
        await RecordAsync(new AuditEntry(AuditKind.Published) { UserName = "bob", ContentItemId = "item-2", ContentType = "Event", DisplayText = "Board meeting" });
        await RecordAsync(new AuditEntry(AuditKind.SignInFailed) { UserName = "mallory", Detail = "wrong password", RemoteAddress = "198.51.100.9" });
        await RecordAsync(new AuditEntry(AuditKind.Published) { UserName = "alice", ContentItemId = "item-1", ContentType = "Article", DisplayText = "Spring Fair 2026" });
    }

    [TearDown]
    public async Task TearDown() => await _store.DisposeAsync();

    [Test]
    public async Task Without_filters_every_event_comes_newest_first_with_the_total()
    {
        var page = await QueryAsync(new AuditQuery());

        Assert.That(page.Total, Is.EqualTo(5));
        Assert.That(page.Events.Select(e => e.OccurredUtc), Is.Ordered.Descending);
        Assert.That(page.Events[0].OccurredUtc, Is.EqualTo(Start.UtcDateTime.AddHours(4)));
    }

    [Test]
    public async Task Each_filter_narrows_to_the_matching_events()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(Kinds(await QueryAsync(new AuditQuery { Kinds = [AuditKind.Published] })), Is.EqualTo("Published Published"));
            Assert.That((await QueryAsync(new AuditQuery { UserName = "alice" })).Total, Is.EqualTo(3));
            Assert.That((await QueryAsync(new AuditQuery { ContentItemId = "item-2" })).Events.Single().DisplayText, Is.EqualTo("Board meeting"));
            Assert.That(Kinds(await QueryAsync(new AuditQuery { FromUtc = Start.UtcDateTime.AddHours(1), ToUtc = Start.UtcDateTime.AddHours(3) })), Is.EqualTo("Published Updated"), "from inclusive, to exclusive");
            Assert.That((await QueryAsync(new AuditQuery { Text = "spring FAIR" })).Total, Is.EqualTo(3), "text ignores case");
            Assert.That((await QueryAsync(new AuditQuery { Text = "WRONG" })).Events.Single().UserName, Is.EqualTo("mallory"), "text searches the detail");
            Assert.That((await QueryAsync(new AuditQuery { Kinds = [AuditKind.Published], UserName = "alice" })).Total, Is.EqualTo(1), "filters combine");
        });
    }

    [Test]
    public async Task Pages_cover_every_event_once_and_each_carries_the_total()
    {
        var pages = new[] { 1, 2, 3 }.Select(n => QueryAsync(new AuditQuery { Page = n, PageSize = 2 }).Result).ToList();

        Assert.That(pages.Select(p => p.Events.Count), Is.EqualTo(new[] { 2, 2, 1 }));
        Assert.That(pages.Select(p => p.Total), Is.All.EqualTo(5));
        Assert.That(pages.SelectMany(p => p.Events).Select(e => e.Id).Distinct().Count(), Is.EqualTo(5));
        Assert.That(pages.SelectMany(p => p.Events).Select(e => e.OccurredUtc), Is.Ordered.Descending);
    }

    [Test]
    public async Task A_long_detail_is_cut_to_the_stored_size()
    {
        var row = await RecordAsync(new AuditEntry(AuditKind.Imported) { Detail = new string('x', 10_000) });

        var stored = (await QueryAsync(new AuditQuery { Kinds = [AuditKind.Imported] })).Events.Single();

        Assert.That(stored.Id, Is.EqualTo(row.Id));
        Assert.That(stored.Detail, Has.Length.EqualTo(AuditEvent.MaxDetailLength).And.EndWith("…"));
    }

    [Test]
    public async Task The_default_page_is_read_off_the_time_index_without_sorting_the_table()
    {
        if (database != TestDatabase.Sqlite) Assert.Ignore("the plan is checked on SQLite's EXPLAIN QUERY PLAN");
        await using var scope = _store.Scope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var sql = AuditTrail.PageOf(trail.Filtered(new AuditQuery()), 1, 50).ToQueryString();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        // ToQueryString declares parameters as ".param set @name value" lines; bind them and explain the rest.
        var lines = sql.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ');
            command.Parameters.AddWithValue(parts[2], long.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        }

        Assert.That(plan, Has.Some.Contains("IX_AuditEvents_OccurredUtc_Id"), string.Join("; ", plan));
        Assert.That(plan, Has.None.Contains("TEMP B-TREE"), string.Join("; ", plan));
    }

    private static string Kinds(AuditPage page) => string.Join(' ', page.Events.Select(e => e.Kind));

    private async Task<AuditEvent> RecordAsync(AuditEntry entry)
    {
        await using var scope = _store.Scope();
        var row = await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(entry);
        _clock.Advance(TimeSpan.FromHours(1));
        return row;
    }

    private async Task<AuditPage> QueryAsync(AuditQuery query)
    {
        await using var scope = _store.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(query);
    }
}
