using Lucene.Net.Search;
using OneDigital.Search.Tasks;

namespace OneDigital.Search.Indexes;

/// <summary>
/// Searches this node's indexes. An index not opened yet (the node just started and its worker has not made a pass)
/// is brought up to date first; a name no profile defines is an <see cref="UnknownIndexException"/>.
/// </summary>
public sealed class LuceneSearcherSource(LuceneIndexes indexes, SearchIndexer indexer) : ILuceneSearcherSource
{
    public async Task<T> SearchAsync<T>(string indexName, Func<IndexSearcher, T> search, CancellationToken ct = default)
    {
        var index = indexes.Find(indexName);
        if (index is null)
        {
            await indexer.CatchUpAsync(ct);
            index = indexes.Find(indexName) ?? throw new UnknownIndexException(indexName);
        }
        try
        {
            return index.Search(search);
        }
        catch (ObjectDisposedException)
        {
            // The indexer replaced the index (a rebuild after damage) while this search started: use the new one.
            return (indexes.Find(indexName) ?? throw new UnknownIndexException(indexName)).Search(search);
        }
    }
}
