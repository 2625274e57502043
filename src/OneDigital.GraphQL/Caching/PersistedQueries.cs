using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Microsoft.Extensions.Caching.Memory;

namespace OneDigital.GraphQL.Caching;

/// <summary>
/// Apollo's automatic persisted queries: a client sends <c>extensions.persistedQuery.sha256Hash</c> alone; an unknown
/// hash answers <c>PersistedQueryNotFound</c>, the client sends the query with its hash, the hash is checked and the
/// query kept, and later requests (GETs that any HTTP cache can keep) send the hash alone. Kept per node in memory:
/// a node that has not seen a hash asks for the query once.
/// </summary>
public sealed class PersistedQueries : IDisposable
{
    public const string NotFoundMessage = "PersistedQueryNotFound";
    public const string NotFoundCode = "PERSISTED_QUERY_NOT_FOUND";
    public const string InvalidCode = "PERSISTED_QUERY_INVALID";
    private const string Extension = "persistedQuery";
    private const long SizeLimitChars = 8L * 1024 * 1024;

    private readonly MemoryCache _queries = new(new MemoryCacheOptions { SizeLimit = SizeLimitChars });

    /// <summary>What a request's persisted-query extension asks for.</summary>
    internal readonly record struct Resolution(string? Query, string? Error, string? Code);

    /// <summary>Whether the request's extensions name a persisted query (then a missing query text is not an error).</summary>
    internal static bool Requested(Inputs? extensions) => extensions is not null && extensions.ContainsKey(Extension);

    /// <summary>
    /// The query to run: the one sent (its hash checked, then kept), or the one kept under the hash; an error with its
    /// code when the extension is malformed, the hash does not match, or the hash is unknown.
    /// </summary>
    internal Resolution Resolve(string? query, Inputs? extensions)
    {
        if (extensions is null || !extensions.TryGetValue(Extension, out var value))
        {
            return new(query, null, null);
        }
        if (value is not IDictionary<string, object?> persisted
            || !persisted.TryGetValue("version", out var version) || !IsOne(version)
            || !persisted.TryGetValue("sha256Hash", out var hashValue) || hashValue is not string hash
            || hash.Length != 64 || !hash.All(Uri.IsHexDigit))
        {
            return new(null, "extensions.persistedQuery must be { \"version\": 1, \"sha256Hash\": \"<64 hex digits>\" }.", InvalidCode);
        }
        hash = hash.ToLowerInvariant();
        if (string.IsNullOrEmpty(query))
        {
            return _queries.TryGetValue(hash, out string? kept) ? new(kept, null, null) : new(null, NotFoundMessage, NotFoundCode);
        }
        if (HashOf(query) != hash)
        {
            return new(null, "provided sha does not match query", InvalidCode);
        }
        _queries.Set(hash, query, new MemoryCacheEntryOptions { Size = query.Length + hash.Length });
        return new(query, null, null);
    }

    /// <summary>The lowercase hex SHA-256 of the query's UTF-8 bytes, as Apollo's clients compute it.</summary>
    public static string HashOf(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    private static bool IsOne(object? version) => version switch
    {
        int i => i == 1,
        long l => l == 1,
        double d => d == 1,
        decimal m => m == 1,
        System.Numerics.BigInteger b => b == 1,
        _ => false,
    };

    public void Dispose() => _queries.Dispose();
}
