using OneDigital.Content.Definitions;
using OneDigital.Content.Indexing;
using OneDigital.Search.Indexes;

namespace OneDigital.Search.Queries;

/// <summary>
/// The query context of a node's Lucene index: the analyzer it was opened with (or its profile's, before it is
/// opened) and the field kinds the document builder writes for the current content definitions.
/// </summary>
public sealed class IndexedQueryContextSource(LuceneIndexes indexes, IndexProfiles profiles, ContentDefinitionStore definitions) : IIndexQueryContextSource
{
    public async Task<IndexQueryContext> GetAsync(string indexName, CancellationToken ct = default)
    {
        var analyzer = indexes.AnalyzerOf(indexName);
        if (analyzer is null)
        {
            var profile = (await profiles.GetAsync(ct)).Find(indexName) ?? throw new UnknownIndexException(indexName);
            analyzer = LuceneAnalyzers.Create(profile.Lucene.AnalyzerName);
        }
        var kinds = IndexedFieldKinds.For(await definitions.GetAsync(ct));
        return new IndexQueryContext(indexName, analyzer, field => kinds.Of(field));
    }
}
