// Why: the hardening issue found a corrupt index answering 500 forever, searches seeing 0 hits during a rebuild, and
// two writers deleting each other's index. These run against real index files: damaged, deleted and locked.
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OneDigital.Content.Store;
using OneDigital.Search.Documents;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tests.Indexes;
using OneDigital.Testing;

namespace OneDigital.Search.Tests.Tasks;

public sealed class IndexRepairTests
{
    private static string SegmentsFile(string folder) =>
        System.IO.Directory.GetFiles(folder, "segments_*").Single(f => !f.EndsWith("segments.gen", StringComparison.Ordinal));

    private static Task<HealthCheckResult> HealthAsync(SearchTestStore site)
    {
        var check = new SearchIndexHealthCheck(site.Indexes);
        var registration = new HealthCheckRegistration(SearchIndexHealthCheck.Name, check, HealthStatus.Unhealthy, null);
        return check.CheckHealthAsync(new HealthCheckContext { Registration = registration });
    }

    /// <summary>Searches until <paramref name="until"/> ends: how many answered with every article, how many with 503, and any other answers.</summary>
    private static async Task<(int Full, int Unavailable, List<string> Other)> SearchWhileAsync(SearchTestStore site, int articles, Task until)
    {
        var (full, unavailable, other) = (0, 0, new List<string>());
        do
        {
            try
            {
                var ids = await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article");
                if (ids.Count == articles) full++;
                else other.Add($"{ids.Count} hits");
            }
            catch (IndexUnavailableException)
            {
                unavailable++;
            }
            await Task.Yield();
        }
        while (!until.IsCompleted);
        await until;
        return (full, unavailable, other);
    }

    [Test]
    public async Task Random_bytes_in_the_segments_file_have_the_index_rebuilt_from_the_store_beside_it()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var item = await site.CreateArticleAsync("Survives a bad segments file");
        await site.Indexer.CatchUpAsync();
        var folder = site.Indexes.PathOf("Articles");
        site.Indexes.Dispose();
        await File.WriteAllBytesAsync(SegmentsFile(folder), [.. Enumerable.Range(0, 200).Select(i => (byte)(i * 37 % 251))]);

        await site.Indexer.CatchUpAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Is.EqualTo(new[] { item.ContentItemId }));
            Assert.That(site.Indexes.Problems, Is.Empty);
            Assert.That((await HealthAsync(site)).Status, Is.EqualTo(HealthStatus.Healthy));
            Assert.That(System.IO.Directory.GetDirectories(site.Indexes.Root, ".Articles.*"), Is.Empty, "the rebuild folder was swapped in, the old one removed");
        });
    }

    [Test]
    public async Task While_a_damaged_index_is_rebuilt_searches_answer_unavailable_or_every_hit_never_an_empty_page()
    {
        await using var site = await SearchTestStore.CreateAsync();
        for (var i = 0; i < 40; i++) await site.CreateArticleAsync($"Article {i}");
        await site.Indexer.CatchUpAsync();
        var folder = site.Indexes.PathOf("Articles");
        site.Indexes.Dispose();
        await File.WriteAllBytesAsync(SegmentsFile(folder), new byte[64]);

        var (full, unavailable, other) = await SearchWhileAsync(site, 40, Task.Run(() => site.Indexer.CatchUpAsync()));

        Assert.That(other, Is.Empty, "no search saw a partial or empty index");
        Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Has.Count.EqualTo(40));
        TestContext.Out.WriteLine($"during the rebuild: {full} full answers, {unavailable} unavailable");
    }

    [Test]
    public async Task A_rebuild_request_keeps_the_old_documents_searchable_until_the_new_ones_are_committed()
    {
        await using var site = await SearchTestStore.CreateAsync();
        for (var i = 0; i < 60; i++) await site.CreateArticleAsync($"Article {i}", "Some body text to analyze.");
        await site.Indexer.CatchUpAsync();
        await site.Store.ImportAsync("""{ "steps": [ { "name": "RebuildIndex", "indexNames": [ "Articles" ] } ] }""");

        var (full, unavailable, other) = await SearchWhileAsync(site, 60, Task.Run(() => site.Indexer.CatchUpAsync()));

        Assert.That((other, unavailable), Is.EqualTo((new List<string>(), 0)), "every search during the rebuild saw every article");
        Assert.That(full, Is.GreaterThan(0));
    }

    [Test]
    public async Task An_index_folder_deleted_under_a_running_node_keeps_serving_then_is_rebuilt_with_later_changes()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var first = await site.CreateArticleAsync("Before the deletion");
        await site.Indexer.CatchUpAsync();

        System.IO.Directory.Delete(site.Indexes.PathOf("Articles"), recursive: true);
        Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Is.EqualTo(new[] { first.ContentItemId }),
            "the open searcher still reads the files it holds");
        var second = await site.CreateArticleAsync("After the deletion");
        await site.Indexer.CatchUpAsync();

        Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Is.EquivalentTo(new[] { first.ContentItemId, second.ContentItemId }));
        Assert.That(System.IO.Directory.GetFiles(site.Indexes.PathOf("Articles"), "segments_*"), Is.Not.Empty, "the rebuilt index is back in its folder");
    }

    [Test]
    public async Task A_search_that_cannot_read_the_files_answers_unavailable_and_has_the_index_rebuilt()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var item = await site.CreateArticleAsync("Read through damage");
        await site.Indexer.CatchUpAsync();
        var searchers = site.Services.GetRequiredService<ILuceneSearcherSource>();

        var ex = Assert.ThrowsAsync<IndexUnavailableException>(() =>
            searchers.SearchAsync<int>("Articles", _ => throw new CorruptIndexException("checksum failed (simulated)", (Exception?)null)));
        Assert.That(ex!.Message, Does.Contain("'Articles'").And.Contain("rebuilt"));
        Assert.That((await HealthAsync(site)).Status, Is.EqualTo(HealthStatus.Unhealthy));

        await site.Indexer.CatchUpAsync();
        Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Is.EqualTo(new[] { item.ContentItemId }));
        Assert.That((await HealthAsync(site)).Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task An_index_locked_by_another_writer_is_reported_and_left_untouched_never_deleted()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var item = await site.CreateArticleAsync("Held elsewhere");
        await site.Indexer.CatchUpAsync();
        var folder = site.Indexes.PathOf("Articles");
        site.Indexes.Dispose();
        var before = System.IO.Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        using (var directory = new NIOFSDirectory(new DirectoryInfo(folder)))
        using (var other = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, LuceneAnalyzers.Create("standardanalyzer"))))
        {
            await site.Indexer.CatchUpAsync();
            await site.Indexer.CatchUpAsync();

            var health = await HealthAsync(site);
            Assert.Multiple(() =>
            {
                Assert.That(health.Status, Is.EqualTo(HealthStatus.Unhealthy));
                Assert.That(health.Description, Does.Contain("'Articles'").And.Contain("another process holds its write lock"));
                Assert.That(System.IO.Directory.GetFiles(folder).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal))
                    .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), Is.EquivalentTo(before), "not one file changed");
                Assert.ThrowsAsync<IndexUnavailableException>(() => site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"));
            });
        }

        await site.Indexer.CatchUpAsync();
        Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Is.EqualTo(new[] { item.ContentItemId }));
        Assert.That((await HealthAsync(site)).Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task The_search_health_check_is_registered_with_the_search_services()
    {
        await using var site = await SearchTestStore.CreateAsync(withModel: false);
        var registrations = site.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.That(registrations.Select(r => r.Name), Does.Contain(SearchIndexHealthCheck.Name));
    }

    [Test]
    public void An_index_that_cannot_be_searched_is_a_store_failure_every_caller_answers_503_with_when_to_retry()
    {
        var unavailable = new IndexUnavailableException("Search", "its files cannot be read; it is being rebuilt from the store");

        var failure = StoreFailures.Classify(new InvalidOperationException("resolver failed", unavailable), TimeSpan.FromSeconds(30));

        Assert.That(failure, Is.SameAs(unavailable));
        Assert.That(failure!.RetryAfter, Is.EqualTo(IndexUnavailableException.RetryAfterRebuild));
        Assert.That(failure.Message, Does.Contain("'Search'"));
    }
}
