using System.Security.Cryptography;
using GraphQL.Types;
using Microsoft.Extensions.Caching.Memory;

namespace OneDigital.GraphQL.Caching;

/// <summary>A response kept for anonymous callers, with its strong ETag (a hash of the body).</summary>
public sealed record CachedResponse(byte[] Body, string ETag)
{
    public static CachedResponse For(byte[] body) =>
        new(body, $"\"{Convert.ToBase64String(SHA256.HashData(body))[..43].Replace('+', '-').Replace('/', '_')}\"");
}

/// <summary>
/// Responses to anonymous queries of published content, in a size-bounded memory cache. The key holds the normalized
/// query, the variables, the operation name, the schema the response came from (a new schema is built whenever the
/// content definitions change) and the content change stamp, so a change makes older entries unreachable and they
/// age out.
/// </summary>
public sealed class GraphQLResponseCache : IDisposable
{
    private readonly MemoryCache _responses;
    private readonly MemoryCache _queries;

    public GraphQLResponseCache(GraphQLCacheOptions options)
    {
        _responses = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.SizeLimitBytes) });
        // Query analyses are small; a few thousand distinct query texts is plenty for partner sites.
        _queries = new MemoryCache(new MemoryCacheOptions { SizeLimit = 4096 });
    }

    /// <summary>The analysis of a query text, or null when responses to it are never shared.</summary>
    internal CacheableQuery? Analyze(string query)
    {
        if (_queries.TryGetValue(query, out CacheableQuery? known))
        {
            return known;
        }
        var analysis = CacheableQuery.Analyze(query);
        _queries.Set(query, analysis, new MemoryCacheEntryOptions { Size = 1 });
        return analysis;
    }

    /// <summary>The key of an answer. A record, not a hash of the text: comparing the strings costs less per hit than hashing them.</summary>
    public sealed record ResponseKey(string NormalizedQuery, string VariablesJson, string? OperationName, long SchemaId, long ContentStamp)
    {
        public int Length => NormalizedQuery.Length + VariablesJson.Length + (OperationName?.Length ?? 0);
    }

    public static ResponseKey Key(string normalizedQuery, string variablesJson, string? operationName, ISchema schema, long contentStamp) =>
        new(normalizedQuery, variablesJson, operationName, SchemaIds.Of(schema), contentStamp);

    public CachedResponse? Get(ResponseKey key) => _responses.TryGetValue(key, out CachedResponse? response) ? response : null;

    public void Set(ResponseKey key, CachedResponse response) =>
        _responses.Set(key, response, new MemoryCacheEntryOptions { Size = response.Body.Length + key.Length });

    /// <summary>
    /// The answer kept for an exact request by <see cref="GraphQLFrontCache"/>. In the same memory, under the same
    /// size limit: it shares the body with the entry above, but either may outlive the other, so each counts it.
    /// </summary>
    internal FrontEntry? Get(FrontKey key)
    {
        if (!_responses.TryGetValue(key, out FrontEntry? entry))
        {
            return null;
        }
        Interlocked.Increment(ref _frontHits);
        return entry;
    }

    private long _frontHits;

    /// <summary>Requests <see cref="GraphQLFrontCache"/> answered (for tests and diagnostics).</summary>
    public long FrontHits => Interlocked.Read(ref _frontHits);

    internal void Set(FrontKey key, FrontEntry entry) =>
        _responses.Set(key, entry, new MemoryCacheEntryOptions { Size = entry.Response.Body.Length + key.Length });

    public void Dispose()
    {
        _responses.Dispose();
        _queries.Dispose();
    }
}
