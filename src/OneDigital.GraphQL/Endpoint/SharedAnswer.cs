using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using OneDigital.GraphQL.Caching;

namespace OneDigital.GraphQL.Endpoint;

/// <summary>
/// Writes an answer kept for anonymous callers: its ETag, <c>Cache-Control</c>, <c>Vary</c>, and 304 to a matching
/// <c>If-None-Match</c>. One writer for the endpoint and <see cref="GraphQLFrontCache"/>, so a hit and a miss carry the same headers.
/// </summary>
internal static class SharedAnswer
{
    private static readonly StringValues VaryValues = new([HeaderNames.Authorization, HeaderNames.Accept]);
    private static readonly string JsonContentType = ResponseMediaType.ContentType(graphQLResponse: false);
    private static readonly string GraphQLResponseContentType = ResponseMediaType.ContentType(graphQLResponse: true);

    public static Task WriteAsync(HttpContext http, CachedResponse response, bool graphQLResponse, int maxAgeSeconds)
    {
        var headers = http.Response.Headers;
        headers.ETag = response.ETag;
        // The answer is the anonymous one, but a request that carried credentials is never kept by a shared cache.
        var shared = !http.Request.Headers.ContainsKey(HeaderNames.Authorization) && !http.Request.Headers.ContainsKey(HeaderNames.Cookie);
        headers.CacheControl = $"{(shared ? "public" : "private")}, max-age={Math.Max(0, maxAgeSeconds)}";
        // Appended: CORS has already said Vary: Origin for cross-origin callers.
        headers.Append(HeaderNames.Vary, VaryValues);
        if (IsNotModified(http.Request.Headers.IfNoneMatch, response.ETag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = graphQLResponse ? GraphQLResponseContentType : JsonContentType;
        http.Response.ContentLength = response.Body.Length;
        return http.Response.Body.WriteAsync(response.Body, http.RequestAborted).AsTask();
    }

    private static bool IsNotModified(StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var candidate in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // If-None-Match compares weakly: W/"x" matches "x".
                var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
                if (tag == "*" || tag == etag)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
