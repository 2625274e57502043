using Lucene.Net.Documents;
using OneDigital.Search.Documents;
using OneDigital.Search.Indexes;

namespace OneDigital.Search.Tests.Indexes;

/// <summary>A rebuild has its writer threads write segments as they go; afterwards the writer flushes by RAM alone again.</summary>
public class LuceneIndexFlushTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "onedigital-flush-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Documents_are_written_as_segments_every_n_while_asked_and_by_ram_alone_after()
    {
        var analyzer = LuceneAnalyzers.Create("standard");
        using var index = LuceneIndex.Open("Flush", _folder, analyzer, ramBufferMB: 64);

        index.FlushEvery(2);
        // As a rebuild's writer adds them: a chunk per call (a call's documents stay in one segment).
        foreach (var chunk in Enumerable.Range(0, 6).Chunk(2))
        {
            index.AddAll(chunk.Select(Document), analyzer);
        }
        index.FlushEvery(null);
        index.Commit(1);
        var whileAsked = index.Search(s => s.IndexReader.Leaves.Count);

        foreach (var chunk in Enumerable.Range(6, 6).Chunk(2))
        {
            index.AddAll(chunk.Select(Document), analyzer);
        }
        index.Commit(2);
        var after = index.Search(s => s.IndexReader.Leaves.Count);

        Assert.Multiple(() =>
        {
            Assert.That(whileAsked, Is.EqualTo(3), "three chunks of two, a segment each");
            Assert.That(after, Is.EqualTo(whileAsked + 1), "three more chunks, one segment at the commit");
            Assert.That(index.DocumentCount, Is.EqualTo(12));
        });
    }

    private static Document Document(int i) =>
    [
        new StringField(IndexFieldNames.ContentItemId, $"item-{i}", Field.Store.YES),
        new TextField(IndexFieldNames.FullText, $"words of item {i}", Field.Store.NO),
    ];
}
