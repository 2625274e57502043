using Lucene.Net.Search;

namespace OneDigital.Search.Indexes;

/// <summary>
/// Read access to a node's local Lucene index by name: queries run against a searcher that sees every task applied
/// so far. Throws <see cref="UnknownIndexException"/> for an index no profile defines.
/// </summary>
public interface ILuceneSearcherSource
{
    Task<T> SearchAsync<T>(string indexName, Func<IndexSearcher, T> search, CancellationToken ct = default);
}

public sealed class UnknownIndexException(string indexName) : Exception($"There is no index named '{indexName}'.")
{
    public string IndexName { get; } = indexName;
}
