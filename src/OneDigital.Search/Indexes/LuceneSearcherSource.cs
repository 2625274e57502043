using Lucene.Net.Search;
using OneDigital.Search.Tasks;

namespace OneDigital.Search.Indexes;

/// <summary>
/// Searches this node's indexes. An index not opened yet (the node just started and its worker has not made a pass)
/// is brought up to date first; a name no profile defines is an <see cref="UnknownIndexException"/>. An index that
/// cannot be searched (its files are damaged and it is being rebuilt, or another process holds it) is an
/// <see cref="IndexUnavailableException"/>; a search that finds damaged files has the index rebuilt.
/// </summary>
public sealed class LuceneSearcherSource(LuceneIndexes indexes, SearchIndexer indexer) : ILuceneSearcherSource
{
    public async Task<T> SearchAsync<T>(string indexName, Func<IndexSearcher, T> search, CancellationToken ct = default)
    {
        var index = indexes.Find(indexName);
        if (index is null)
        {
            if (indexes.ProblemOf(indexName) is { } known)
            {
                throw new IndexUnavailableException(indexName, known);
            }
            await indexer.CatchUpAsync(ct);
            index = indexes.Find(indexName)
                ?? (indexes.ProblemOf(indexName) is { } problem ? throw new IndexUnavailableException(indexName, problem) : throw new UnknownIndexException(indexName));
        }
        try
        {
            return Search(index, search);
        }
        catch (ObjectDisposedException)
        {
            // The indexer replaced the index (a rebuild after damage) while this search started: use the new one.
            return Search(indexes.Find(indexName) ?? throw new IndexUnavailableException(indexName, "it is being replaced by a rebuilt copy"), search);
        }
        catch (Exception ex) when (LuceneIndex.IsUnreadable(ex))
        {
            indexer.ReportUnreadable(indexName, ex);
            throw new IndexUnavailableException(indexName, $"its files cannot be read ({ex.GetType().Name}); it is being rebuilt from the store");
        }
    }

    private static T Search<T>(LuceneIndex index, Func<IndexSearcher, T> search) => index.Search(search);
}
