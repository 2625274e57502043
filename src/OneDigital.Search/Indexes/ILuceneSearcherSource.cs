using Lucene.Net.Search;
using OneDigital.Content.Errors;
using OneDigital.Content.Store;

namespace OneDigital.Search.Indexes;

/// <summary>
/// Read access to a node's local Lucene index by name: queries run against a searcher that sees every task applied
/// so far. Throws <see cref="UnknownIndexException"/> for an index no profile defines.
/// </summary>
public interface ILuceneSearcherSource
{
    Task<T> SearchAsync<T>(string indexName, Func<IndexSearcher, T> search, CancellationToken ct = default);
}

/// <summary>An index no profile defines (APIs answer 404).</summary>
public sealed class UnknownIndexException(string indexName) : Exception($"There is no index named '{indexName}'."), IClientError
{
    public string IndexName { get; } = indexName;

    int IClientError.Status => IClientError.NotFound;

    string IClientError.Title => "Not found.";

    string IClientError.Detail => Message;
}

/// <summary>
/// An index this node has but cannot search right now (its files cannot be read and it is being rebuilt, or another
/// process holds it). A kind of unavailable store, so every caller that maps store failures (the error handler,
/// GraphQL's stored-query fields) answers 503 with the message and when to retry, as the search APIs do.
/// </summary>
public sealed class IndexUnavailableException(string indexName, string problem)
    : StoreUnavailableException($"The index '{indexName}' cannot be searched right now: {problem}", RetryAfterRebuild)
{
    /// <summary>How long a client is asked to wait: an index rebuild of a typical site takes about that.</summary>
    public static readonly TimeSpan RetryAfterRebuild = TimeSpan.FromSeconds(10);

    public override string Title => "Search is unavailable.";

    public string IndexName { get; } = indexName;
}
