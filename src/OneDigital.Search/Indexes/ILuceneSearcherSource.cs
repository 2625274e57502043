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

/// <summary>
/// An index this node has but cannot search right now (its files cannot be read and it is being rebuilt, or another
/// process holds it); APIs answer 503 with the message.
/// </summary>
public sealed class IndexUnavailableException(string indexName, string problem)
    : Exception($"The index '{indexName}' cannot be searched right now: {problem}")
{
    public string IndexName { get; } = indexName;
}
