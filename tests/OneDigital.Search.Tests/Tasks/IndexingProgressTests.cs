// Why: the admin shows a rebuild's and a reset's progress from SearchIndexer.ProgressOf; when the work is done the
// numbers must add up (every row read, every task applied) and say what was written.
using OneDigital.Search.Tests.Indexes;
using OneDigital.Testing;

namespace OneDigital.Search.Tests.Tasks;

public class IndexingProgressTests
{
    private const string Rebuild = """{ "steps": [ { "name": "RebuildIndex", "indexNames": [ "Articles" ] } ] }""";
    private const string Reset = """{ "steps": [ { "name": "lucene-index-reset", "Indices": [ "Articles" ] } ] }""";

    [Test]
    public async Task A_finished_rebuild_reports_every_row_read_and_the_documents_written()
    {
        await using var site = await SearchTestStore.CreateAsync();
        for (var i = 0; i < 3; i++) await site.CreateArticleAsync($"Article {i}");
        await site.Indexer.CatchUpAsync();

        await site.Store.ImportAsync(Rebuild);
        await site.Indexer.CatchUpAsync();

        var progress = site.Indexer.ProgressOf("articles");
        Assert.That(progress, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(progress!.Action, Is.EqualTo("Rebuild"));
            Assert.That(progress.Running, Is.False);
            Assert.That(progress.Failure, Is.Null);
            Assert.That(progress.Done, Is.EqualTo(progress.Total));
            Assert.That(progress.Documents, Is.EqualTo(3));
            Assert.That(progress.FinishedUtc, Is.GreaterThanOrEqualTo(progress.StartedUtc));
        });
    }

    [Test]
    public async Task A_finished_reset_reports_the_tasks_it_applied_again()
    {
        await using var site = await SearchTestStore.CreateAsync();
        for (var i = 0; i < 4; i++) await site.CreateArticleAsync($"Article {i}");
        await site.Indexer.CatchUpAsync();

        await site.Store.ImportAsync(Reset);
        await site.Indexer.CatchUpAsync();

        var progress = site.Indexer.ProgressOf("Articles");
        Assert.Multiple(() =>
        {
            Assert.That(progress!.Action, Is.EqualTo("Reset"));
            Assert.That(progress.Running, Is.False);
            Assert.That(progress.Done, Is.GreaterThanOrEqualTo(4), "a task per article at least");
            Assert.That(progress.Done, Is.EqualTo(progress.Total));
        });
    }

    [Test]
    public async Task An_index_nothing_was_asked_of_has_no_progress()
    {
        await using var site = await SearchTestStore.CreateAsync();
        Assert.That(site.Indexer.ProgressOf("Nothing"), Is.Null);
    }
}
