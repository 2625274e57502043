using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Web.Tests.Support;
using OneDigital.Web.Tests.Webhooks;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Faults;

/// <summary>
/// Faults injected into real processes (the built web host run with <c>dotnet</c>): kill -9 during publishing and
/// during an import, on SQLite and PostgreSQL; the data folder deleted under a running site; two processes on one
/// folder. What is acknowledged survives, nothing half-written is visible, and the site says what is wrong. The
/// moment of each kill comes from a seeded random number, printed, so a failure can be replayed.
/// </summary>
[NonParallelizable]
public sealed class FaultInjectionTests
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(30);

    private static string[] Settings => [TestSite.SetupRecipe(Recipe), .. SiteSettings, "--OneDigital:Setup:AdminPassword=Fault-injection-1"];

    private static TestSite NewStore(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? TestSite.CreatePostgres() : TestSite.Create();

    private static string Article(string id) =>
        $$"""{ "ContentItemId": "{{id}}", "ContentType": "Article", "TitlePart": { "Title": "{{id}}" }, "Article": { "Summary": { "Text": "summary of {{id}}" } } }""";

    private static Random Seeded(out int seed)
    {
        seed = Environment.TickCount & 0x7FFFFFFF;
        TestContext.Out.WriteLine($"fault injection seed: {seed}");
        return new Random(seed);
    }

    /// <summary>Items whose latest version lacks its field index row were half-written.</summary>
    private static Task<List<string>> HalfWrittenAsync(TestSite store) => store.WithStoreAsync(async s =>
    {
        var db = s.GetRequiredService<ContentDbContext>();
        var latest = await db.ContentItems.AsNoTracking().Where(r => r.ContentType == "Article" && r.Latest).Select(r => r.ContentItemId).ToListAsync();
        var indexed = await db.ContentFieldIndex.AsNoTracking().Where(r => r.FieldName == "Summary" && r.Latest).Select(r => r.ContentItemId).ToListAsync();
        return latest.Except(indexed).ToList();
    });

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.Postgres)]
    public async Task Kill_9_during_a_stream_of_publishes_loses_no_acknowledged_publish(DatabaseProvider provider)
    {
        await using var store = NewStore(provider);
        var random = Seeded(out var seed);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using (var site = ChildSite.StartSite(store, Settings))
        {
            await site.WaitReadyAsync(StartDeadline);
            var token = await TokenAsync(site.Http, "editor-site", "editor-secret-0123456789");
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var id = $"w{w}n{n}";
                    try
                    {
                        using var response = await SendAsync(site.Http, HttpMethod.Post, "/api/content?draft=false", token, Article(id));
                        if (response.StatusCode == HttpStatusCode.OK) acknowledged.Add(id);
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process is gone
                    }
                }
            })).ToArray();
            await Eventually.WaitAsync(() => acknowledged.Count >= 20, "the first publishes");
            await Task.Delay(random.Next(0, 1000)); // the kill lands at a random point in the stream
            await site.KillHardAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        var missing = await store.WithStoreAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var lost = new List<string>();
            foreach (var id in acknowledged)
            {
                if (await manager.GetAsync(id, VersionOptions.Published) is null) lost.Add(id);
            }
            return lost;
        });
        Assert.That(missing, Is.Empty, $"acknowledged publishes lost (seed {seed}) of {acknowledged.Count}");
        Assert.That(await HalfWrittenAsync(store), Is.Empty, $"items half-written (seed {seed})");

        // The kill left no lock behind: the site starts again on the same folder and serves what it acknowledged.
        await using var restarted = ChildSite.StartSite(store, Settings);
        await restarted.WaitReadyAsync(StartDeadline);
        var token2 = await TokenAsync(restarted.Http, "editor-site", "editor-secret-0123456789");
        var one = acknowledged.First();
        Assert.That((await SendAsync(restarted.Http, HttpMethod.Get, $"/api/content/{one}", token2)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.Postgres)]
    public async Task Kill_9_during_an_import_leaves_all_of_it_or_none_of_it(DatabaseProvider provider)
    {
        const int Items = 5000;
        await using var store = NewStore(provider);
        var random = Seeded(out var seed);
        Assert.That((await store.RunAsync(["export", .. Settings])).ExitCode, Is.EqualTo(0), "set up");
        var before = await store.CountItemsAsync();
        var recipe = Path.Combine(store.DataDir, "bulk.recipe.json");
        var data = new JsonArray();
        for (var i = 0; i < Items; i++) data.Add(JsonNode.Parse(Article($"bulk{i}")));
        await File.WriteAllTextAsync(recipe, new JsonObject
        {
            ["name"] = "Bulk",
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "content", ["Data"] = data }),
        }.ToJsonString(), Encoding.UTF8);

        await using (var import = ChildSite.StartVerb(store, "import", recipe))
        {
            // The kill lands inside the import's writing, not in the process's start-up.
            var limit = DateTime.UtcNow + StartDeadline;
            while (!import.HasExited && !await ImportIsWritingAsync(store, provider))
            {
                if (DateTime.UtcNow > limit) Assert.Fail($"The import was not seen writing within {StartDeadline.TotalSeconds} s:\n{import.Output}");
                await Task.Delay(50);
            }
            await Task.Delay(random.Next(0, provider == DatabaseProvider.Sqlite ? 1500 : 100));
            Assert.That(import.HasExited, Is.False, $"the import finished before it could be killed; make it bigger:\n{import.Output}");
            await import.KillHardAsync();
        }

        var after = await store.CountItemsAsync();
        Assert.That(after, Is.EqualTo(before).Or.EqualTo(before + Items), $"a killed import left part of itself (seed {seed})");
        Assert.That(await HalfWrittenAsync(store), Is.Empty, $"items half-written (seed {seed})");
    }

    /// <summary>
    /// Whether the import's transaction is writing (it writes in a burst at the end of its step): on SQLite its staging
    /// copy exists or another writer holds the write lock for over 150 ms, on PostgreSQL a session with a transaction id has been open for over half a
    /// second (the start-up's own writes are brief).
    /// </summary>
    private static async Task<bool> ImportIsWritingAsync(TestSite store, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var connectionString = store.StoreArguments.Single(a => a.StartsWith("--ConnectionStrings:Default=", StringComparison.Ordinal))["--ConnectionStrings:Default=".Length..];
            await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() " +
                "AND backend_xid IS NOT NULL AND now() - xact_start > interval '500 milliseconds'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        // A CLI import on SQLite runs the recipe against a private copy under Imports/ and only then writes the live
        // store, briefly: a copy that exists means the import is under way.
        var imports = Path.Combine(store.DataDir, "Imports");
        if (Directory.Exists(imports) && Directory.EnumerateFiles(imports, "*.db").Any()) return true;
        // Held across two probes, so not one of the start-up's brief writes (the migrations' lock row).
        if (!await SqliteWriterActiveAsync(store)) return false;
        await Task.Delay(150);
        return await SqliteWriterActiveAsync(store);
    }

    /// <summary>
    /// Tries SQLite's write lock without waiting, through SQLite itself: Microsoft.Data.Sqlite would retry a busy
    /// statement for at least a second, longer than the import's burst of writes may last.
    /// </summary>
    private static Task<bool> SqliteWriterActiveAsync(TestSite store)
    {
        var database = Path.Combine(store.DataDir, "onedigital.db");
        if (!File.Exists(database)) return Task.FromResult(false);
        SQLitePCL.Batteries_V2.Init();
        if (SQLitePCL.raw.sqlite3_open_v2(database, out var db, SQLitePCL.raw.SQLITE_OPEN_READWRITE, null) != SQLitePCL.raw.SQLITE_OK)
        {
            db.Dispose();
            return Task.FromResult(false);
        }
        using (db)
        {
            SQLitePCL.raw.sqlite3_busy_timeout(db, 0);
            var rc = SQLitePCL.raw.sqlite3_exec(db, "BEGIN IMMEDIATE");
            if (rc == SQLitePCL.raw.SQLITE_OK)
            {
                SQLitePCL.raw.sqlite3_exec(db, "ROLLBACK");
                return Task.FromResult(false);
            }
            return Task.FromResult(rc is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED);
        }
    }

    [Test]
    public async Task Deleting_the_data_folder_under_a_running_site_refuses_writes_and_a_restart_does_not_set_up_a_new_site()
    {
        await using var store = TestSite.Create();
        await using (var site = ChildSite.StartSite(store, Settings))
        {
            await site.WaitReadyAsync(StartDeadline);
            var token = await TokenAsync(site.Http, "editor-site", "editor-secret-0123456789");
            Assert.That((await SendAsync(site.Http, HttpMethod.Post, "/api/content?draft=false", token, Article("before"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

            Directory.Delete(store.DataDir, recursive: true);
            var write = await SendAsync(site.Http, HttpMethod.Post, "/api/content?draft=false", token, Article("after"));
            var health = await site.Http.GetAsync("/health");

            Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "not acknowledged into a deleted file");
            Assert.That(await write.Content.ReadAsStringAsync(), Does.Contain("vanished"));
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(await health.Content.ReadAsStringAsync(), Does.Contain("store-identity"));
            await site.WaitForOutputAsync("The store is lost", ExitDeadline);
        }

        // The lost site wrote the folder's marker again, so the next start stops and says what is missing.
        await using var restarted = ChildSite.StartSite(store, Settings);
        var exitCode = await restarted.WaitForExitAsync(StartDeadline);
        Assert.That(exitCode, Is.EqualTo(1), restarted.Output);
        Assert.That(restarted.Output, Does.Contain("is missing").And.Contain("will not create a new site"), restarted.Output);
        Assert.That(File.Exists(Path.Combine(store.DataDir, "onedigital.db")), Is.False, "no new site was set up over the lost one");
    }

    [Test]
    public async Task A_second_process_on_one_data_folder_exits_naming_the_first_ones_pid()
    {
        await using var store = TestSite.Create();
        await using var first = ChildSite.StartSite(store, Settings);
        await first.WaitReadyAsync(StartDeadline);

        await using var second = ChildSite.StartSite(store, Settings);
        var exitCode = await second.WaitForExitAsync(ExitDeadline);

        Assert.That(exitCode, Is.EqualTo(1), second.Output);
        Assert.That(second.Output, Does.Contain(Path.GetFullPath(store.DataDir)).And.Contain($"pid {first.Pid}"), second.Output);
        Assert.That((await first.Http.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the first site is untouched");
    }
}
