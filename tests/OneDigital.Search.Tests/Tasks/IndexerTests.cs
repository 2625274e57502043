using Lucene.Net.Documents;
using OneDigital.Search.Documents;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tests.Indexes;
using OneDigital.Testing;

namespace OneDigital.Search.Tests.Tasks;

/// <summary>The indexer applies the task log past each index's cursor, and rebuilds what it cannot trust.</summary>
public class IndexerTests
{
    private const string Rebuild = """{ "steps": [ { "name": "RebuildIndex", "indexNames": [ "Articles" ] } ] }""";
    private const string Reset = """{ "steps": [ { "name": "lucene-index-reset", "Indices": [ "Articles" ] } ] }""";

    private static Document Ghost(string id)
    {
        var doc = new Document();
        doc.Add(new StringField(IndexFieldNames.ContentItemId, id, Field.Store.YES));
        doc.Add(new StringField(IndexFieldNames.ContentType, "Article", Field.Store.YES));
        return doc;
    }

    /// <summary>Puts a document the store knows nothing about straight into the index.</summary>
    private static void AddGhost(SearchTestStore site, string id)
    {
        var index = site.Indexes.Find("Articles")!;
        index.Put(id, Ghost(id), site.Indexes.AnalyzerOf("Articles")!);
        index.Commit(index.Cursor);
    }

    [Test]
    public async Task A_restarted_node_resumes_from_its_cursor_and_catches_up_changes_made_while_it_was_stopped()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var first = await site.CreateArticleAsync("Before the stop");
        await site.Indexer.CatchUpAsync();
        var cursor = site.Indexes.Find("Articles")!.Cursor;
        AddGhost(site, "ghost");

        site.Indexes.Dispose();
        var second = await site.CreateArticleAsync("While stopped");
        await site.Indexer.CatchUpAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(cursor, Is.GreaterThan(0));
            Assert.That(site.Indexes.Find("Articles")!.Cursor, Is.GreaterThan(cursor));
            Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"),
                Is.EquivalentTo(new[] { first.ContentItemId, second.ContentItemId, "ghost" }), "reopened from disk, not rebuilt");
        });
    }

    [Test]
    public async Task A_rebuild_request_empties_the_index_and_builds_it_from_the_store()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var item = await site.CreateArticleAsync("Kept");
        await site.Indexer.CatchUpAsync();
        AddGhost(site, "ghost");

        await site.Store.ImportAsync(Rebuild);
        await site.Indexer.CatchUpAsync();

        Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Is.EqualTo(new[] { item.ContentItemId }));
    }

    [Test]
    public async Task A_reset_applies_the_whole_log_again_and_keeps_stale_documents()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var item = await site.CreateArticleAsync("Re-applied");
        await site.Indexer.CatchUpAsync();
        var index = site.Indexes.Find("Articles")!;
        index.Remove(item.ContentItemId);
        index.Commit(index.Cursor);
        AddGhost(site, "ghost");

        await site.Store.ImportAsync(Reset);
        await site.Indexer.CatchUpAsync();
        await site.Indexer.CatchUpAsync();

        Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Is.EquivalentTo(new[] { item.ContentItemId, "ghost" }),
            "a request is carried out once: the second pass changes nothing");
    }

    [Test]
    public async Task A_missing_index_is_rebuilt_from_the_store()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var item = await site.CreateArticleAsync("Survives deletion");
        await site.Indexer.CatchUpAsync();

        site.Indexes.Dispose();
        Directory.Delete(site.Indexes.PathOf("Articles"), recursive: true);
        await site.Indexer.CatchUpAsync();

        Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Is.EqualTo(new[] { item.ContentItemId }));
    }

    [Test]
    public async Task A_corrupt_index_is_rebuilt_from_the_store()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var item = await site.CreateArticleAsync("Survives corruption");
        await site.Indexer.CatchUpAsync();

        site.Indexes.Dispose();
        foreach (var file in Directory.GetFiles(site.Indexes.PathOf("Articles")))
        {
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4, 5, 6, 7, 8]);
        }
        await site.Indexer.CatchUpAsync();

        Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Is.EqualTo(new[] { item.ContentItemId }));
    }

    [Test]
    public async Task Changing_a_profiles_analyzer_rebuilds_its_index()
    {
        await using var site = await SearchTestStore.CreateAsync();
        var item = await site.CreateArticleAsync("Volunteers", "volunteering");
        await site.Indexer.CatchUpAsync();
        AddGhost(site, "ghost");

        await site.Store.ImportAsync("""
            { "steps": [ { "name": "CreateOrUpdateIndexProfile", "indexes": [ { "Name": "Articles",
              "Properties": { "LuceneIndexMetadata": { "AnalyzerName": "standardanalyzer" } } } ] } ] }
            """);
        await site.Indexer.CatchUpAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(site.Indexes.Find("Articles")!.Signature, Does.Contain("standardanalyzer"));
            Assert.That(await site.IdsAsync("Articles", IndexFieldNames.ContentType, "Article"), Is.EqualTo(new[] { item.ContentItemId }));
            Assert.That(await site.IdsAsync("Articles", IndexFieldNames.FullText, "volunteering"), Is.EqualTo(new[] { item.ContentItemId }), "no longer stemmed");
        });
    }

    [Test]
    public async Task Searching_an_index_no_profile_defines_names_it()
    {
        await using var site = await SearchTestStore.CreateAsync();

        var ex = Assert.ThrowsAsync<UnknownIndexException>(() => site.IdsAsync("Nope", IndexFieldNames.ContentType, "Article"));
        Assert.That(ex!.Message, Does.Contain("'Nope'"));
    }
}
