using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OneDigital.Content.Changes;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.GraphQL.Endpoint;

namespace OneDigital.GraphQL.Caching;

/// <summary>
/// Answers a repeat of an anonymous GraphQL read from <see cref="GraphQLResponseCache"/> before routing, the request's
/// service scope, JSON parsing and the permission check: the key is the request exactly as sent (method, query string,
/// content type, body bytes, Accept) with the schema, the content change stamp and the roles stamp, so a publish, a
/// schema change or a change to the Anonymous role's permissions (<c>ExecuteGraphQL</c>) makes every older entry
/// unreachable. A miss goes down the pipeline; the endpoint handler keeps its answer here
/// (<see cref="Miss.Keep"/>) only when it shared it under the same schema and stamp. It sits after the security
/// headers, CORS and the setup gate, so a hit carries exactly what a miss carries.
/// </summary>
public sealed class GraphQLFrontCache(
    RequestDelegate next,
    GraphQLCacheOptions options,
    GraphQLResponseCache cache,
    IContentChangeStamp changeStamp,
    StoreVersions versions,
    IGraphQLSchemaSource schemas)
{
    /// <summary>Bodies above this are rare for reads and go the normal way (the endpoint's own limit still applies).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!options.Enabled || !IsCandidate(http.Request))
        {
            await next(http);
            return;
        }
        var request = http.Request;
        var isPost = HttpMethods.IsPost(request.Method);
        byte[] body = [];
        if (isPost && request.ContentLength is { } length && length > 0)
        {
            body = new byte[length];
            var read = 0;
            while (read < body.Length)
            {
                var n = await request.Body.ReadAsync(body.AsMemory(read), http.RequestAborted);
                if (n == 0)
                {
                    break;
                }
                read += n;
            }
            if (read < body.Length)
            {
                // The client stopped sending: the endpoint reads what came and answers it.
                body = body[..read];
            }
            // The endpoint reads the body again on a miss.
            request.Body = new MemoryStream(body, writable: false);
        }

        // Read before the endpoint reads its own: an answer made under newer versions is never kept under these.
        var schema = await schemas.GetSchemaAsync(http.RequestAborted);
        var stamp = await changeStamp.GetAsync(http.RequestAborted);
        var roles = (await versions.GetAsync(http.RequestAborted)).Of(RoleService.Stamp);
        var key = new FrontKey(isPost, request.QueryString.Value ?? "", request.ContentType ?? "", body,
            request.Headers.Accept.ToString(), SchemaIds.Of(schema), stamp, roles);
        if (cache.Get(key) is { } hit)
        {
            await SharedAnswer.WriteAsync(http, hit.Response, hit.GraphQLResponse, options.MaxAgeSeconds);
            return;
        }
        http.Features.Set(new Miss(cache, key));
        await next(http);
    }

    /// <summary>
    /// A request whose answer, if shared, is the same for every caller sending these bytes: GET or POST to the
    /// endpoint with a small body of known length, no credentials (<c>Authorization</c>, <c>Cookie</c>) and no preview token.
    /// </summary>
    private static bool IsCandidate(HttpRequest request)
    {
        if (!request.Path.Equals(GraphQLEndpointServices.Path, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var isPost = HttpMethods.IsPost(request.Method);
        if (!isPost && !HttpMethods.IsGet(request.Method))
        {
            return false;
        }
        var headers = request.Headers;
        if (headers.ContainsKey(HeaderNames.Authorization) || headers.ContainsKey(HeaderNames.Cookie)
            || headers.ContainsKey(GraphQLEndpointHandler.PreviewTokenHeader))
        {
            return false;
        }
        if (isPost && (request.ContentLength is not { } length || length > MaxBodyBytes))
        {
            return false;
        }
        // Parsed only when there is one: the query string's keys are matched as the endpoint matches them.
        return !request.QueryString.HasValue || !request.Query.ContainsKey(GraphQLEndpointHandler.PreviewTokenParameter);
    }

    /// <summary>
    /// Set on a request the front cache missed: the endpoint hands it the answer it shared, with the key it shared it
    /// under, and it is kept for the exact request when both were made under the same schema and change stamp.
    /// </summary>
    public sealed class Miss
    {
        private readonly GraphQLResponseCache _cache;
        private readonly FrontKey _key;

        internal Miss(GraphQLResponseCache cache, FrontKey key)
        {
            _cache = cache;
            _key = key;
        }

        internal void Keep(GraphQLResponseCache.ResponseKey sharedUnder, CachedResponse response, bool graphQLResponse)
        {
            if (sharedUnder.SchemaId == _key.SchemaId && sharedUnder.ContentStamp == _key.ContentStamp)
            {
                _cache.Set(_key, new FrontEntry(response, graphQLResponse));
            }
        }
    }
}

/// <summary>A kept answer for an exact request: the shared response and the media type it was asked for in.</summary>
internal sealed record FrontEntry(CachedResponse Response, bool GraphQLResponse);

/// <summary>An exact request with the versions its answer depends on. Equality compares the body's bytes.</summary>
internal sealed class FrontKey : IEquatable<FrontKey>
{
    private readonly int _hash;

    public FrontKey(bool isPost, string queryString, string contentType, byte[] body, string accept, long schemaId, long contentStamp, int rolesVersion)
    {
        IsPost = isPost;
        QueryString = queryString;
        ContentType = contentType;
        Body = body;
        Accept = accept;
        SchemaId = schemaId;
        ContentStamp = contentStamp;
        RolesVersion = rolesVersion;
        var hash = new HashCode();
        hash.Add(isPost);
        hash.Add(queryString, StringComparer.Ordinal);
        hash.Add(contentType, StringComparer.Ordinal);
        hash.AddBytes(body);
        hash.Add(accept, StringComparer.Ordinal);
        hash.Add(schemaId);
        hash.Add(contentStamp);
        hash.Add(rolesVersion);
        _hash = hash.ToHashCode();
    }

    public bool IsPost { get; }
    public string QueryString { get; }
    public string ContentType { get; }
    public byte[] Body { get; }
    public string Accept { get; }
    public long SchemaId { get; }
    public long ContentStamp { get; }
    public int RolesVersion { get; }

    /// <summary>What the key holds on to, for the cache's size limit.</summary>
    public int Length => QueryString.Length + ContentType.Length + Body.Length + Accept.Length;

    public bool Equals(FrontKey? other) =>
        other is not null && _hash == other._hash && IsPost == other.IsPost && SchemaId == other.SchemaId
        && ContentStamp == other.ContentStamp && RolesVersion == other.RolesVersion
        && string.Equals(QueryString, other.QueryString, StringComparison.Ordinal)
        && string.Equals(ContentType, other.ContentType, StringComparison.Ordinal)
        && string.Equals(Accept, other.Accept, StringComparison.Ordinal)
        && Body.AsSpan().SequenceEqual(other.Body);

    public override bool Equals(object? obj) => Equals(obj as FrontKey);

    public override int GetHashCode() => _hash;
}
