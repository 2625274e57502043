using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using OneDigital.Search.Indexes;
using OneDigital.Search.Queries;
using OneDigital.Search.Documents;

namespace OneDigital.Search.Tests.Queries;

/// <summary>
/// An in-memory index with documents under Orchard's field names and the encodings the index side writes
/// (keyword = StringField, text = TextField, numbers = DoubleField, dates = Int64Field of UTC ticks), so the query
/// side is tested without the indexer.
/// </summary>
public sealed class TestIndex : ILuceneSearcherSource, IIndexQueryContextSource, IDisposable
{
    public const string Rating = "Article.Rating";
    public const string Topics = "Article.Topics";

    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;

    public TestIndex(string name = "Search", Analyzer? analyzer = null)
    {
        Name = name;
        Analyzer = analyzer ?? new StandardAnalyzer(LuceneVersion.LUCENE_48);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer));
    }

    public string Name { get; }

    public Analyzer Analyzer { get; }

    public IndexQueryContext Context => new(Name, Analyzer, KindOf);

    public static IndexFieldKind? KindOf(string field) => field switch
    {
        Rating => IndexFieldKind.Number,
        Topics => IndexFieldKind.Keyword,
        _ => CoreFields.KindOf(field),
    };

    public TestIndex Add(string id, string type, string title, string body, DateTime createdUtc, double? rating = null, params string[] topics) =>
        Add(id, type, title, body, createdUtc, rating, topics, published: true);

    public TestIndex Add(string id, string type, string title, string body, DateTime createdUtc, double? rating, string[] topics, bool published)
    {
        var doc = new Document
        {
            new StringField(IndexFieldNames.ContentItemId, id, Field.Store.YES),
            new StringField(IndexFieldNames.ContentType, type, Field.Store.YES),
            new TextField(IndexFieldNames.DisplayTextAnalyzed, title, Field.Store.NO),
            new StringField(IndexFieldNames.DisplayTextKeyword, title, Field.Store.YES),
            new TextField(IndexFieldNames.FullText, $"{title} {body}", Field.Store.NO),
            new TextField(IndexFieldNames.Body, body, Field.Store.YES),
            new StringField(IndexFieldNames.Published, published ? "true" : "false", Field.Store.NO),
            new Int64Field(IndexFieldNames.CreatedUtc, DateTime.SpecifyKind(createdUtc, DateTimeKind.Utc).Ticks, Field.Store.YES),
        };
        if (rating is { } r) doc.Add(new DoubleField(Rating, r, Field.Store.YES));
        foreach (var topic in topics) doc.Add(new StringField(Topics, topic, Field.Store.YES));
        _writer.UpdateDocument(new Term(IndexFieldNames.ContentItemId, id), doc);
        _writer.Commit();
        return this;
    }

    public Task<T> SearchAsync<T>(string indexName, Func<IndexSearcher, T> search, CancellationToken ct = default)
    {
        if (!string.Equals(indexName, Name, StringComparison.OrdinalIgnoreCase)) throw new UnknownIndexException(indexName);
        using var reader = DirectoryReader.Open(_directory);
        return Task.FromResult(search(new IndexSearcher(reader)));
    }

    public Task<IndexQueryContext> GetAsync(string indexName, CancellationToken ct = default) =>
        string.Equals(indexName, Name, StringComparison.OrdinalIgnoreCase)
            ? Task.FromResult(Context)
            : throw new UnknownIndexException(indexName);

    /// <summary>Parses DSL text and runs it: the ids of the page of hits, in order, and the total.</summary>
    public async Task<(List<string> Ids, int Count)> RunAsync(string dsl)
    {
        var request = new QueryDslParser(Context).Parse(dsl);
        var (hits, count) = await SearchAsync(Name, s => LuceneQueryExecutor.Search(s, request));
        return ([.. hits.Select(h => h.ContentItemId!)], count);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }
}
