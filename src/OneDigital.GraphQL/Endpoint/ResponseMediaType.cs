using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OneDigital.GraphQL.Endpoint;

/// <summary>
/// GraphQL over HTTP: a client whose Accept prefers <c>application/graphql-response+json</c> gets that media type and
/// its status codes (200 whenever execution started, even with field errors; 4xx only when the request could not run).
/// Everyone else gets <c>application/json</c> with Orchard's codes (400 for any error), as before.
/// </summary>
internal static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public const string Json = "application/json";

    /// <summary>Whether the client asked for the GraphQL response media type at least as much as for JSON.</summary>
    public static bool WantsGraphQLResponse(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }
        double graphql = 0, json = 0;
        foreach (var value in accepted)
        {
            var quality = value.Quality ?? 1;
            var type = value.MediaType.Value ?? "";
            if (string.Equals(type, GraphQLResponse, StringComparison.OrdinalIgnoreCase))
            {
                graphql = Math.Max(graphql, quality);
            }
            else if (string.Equals(type, Json, StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }
        return graphql > 0 && graphql >= json;
    }

    public static string ContentType(bool graphQLResponse) => $"{(graphQLResponse ? GraphQLResponse : Json)}; charset=utf-8";
}
