using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OneDigital.GraphQL.Caching;
using OneDigital.GraphQL.Limits;

namespace OneDigital.GraphQL.Endpoint;

/// <summary>A request the endpoint can execute, or the status and message that refuse it.</summary>
internal sealed record ReadRequest(GraphQLRequest? Request, int Status = StatusCodes.Status200OK, string? Error = null)
{
    public static ReadRequest Refused(int status, string error) => new(null, status, error);
}

/// <summary>
/// Reads the GraphQL request as Orchard's endpoint does: GET from the query string (<c>query</c>, <c>variables</c>,
/// <c>operationName</c>); POST <c>application/json</c> <c>{ query, variables, operationName }</c>; POST
/// <c>application/graphql</c> with the query as the body; any other POST from the query string. <c>extensions</c>
/// (JSON, in the body or the query string) may name a persisted query in place of the query text.
/// </summary>
internal static class GraphQLRequestReader
{
    public static async Task<ReadRequest> ReadAsync(HttpContext http, IGraphQLTextSerializer serializer, GraphQLLimits limits)
    {
        var httpRequest = http.Request;
        var mediaType = MediaTypeHeaderValue.TryParse(httpRequest.ContentType, out var contentType) ? contentType.MediaType.Value : null;
        if (HttpMethods.IsPost(httpRequest.Method) && mediaType is not null)
        {
            if (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                var (body, refusal) = await ReadBodyAsync(httpRequest, limits.MaxRequestBytes, http.RequestAborted);
                return refusal ?? FromJson(body!, serializer);
            }
            if (string.Equals(mediaType, "application/graphql", StringComparison.OrdinalIgnoreCase))
            {
                var (body, refusal) = await ReadBodyAsync(httpRequest, limits.MaxRequestBytes, http.RequestAborted);
                if (refusal is not null)
                {
                    return refusal;
                }
                var fromQueryString = FromQueryString(httpRequest.Query, serializer, queryRequired: false);
                return fromQueryString.Request is null
                    ? fromQueryString
                    : new ReadRequest(new GraphQLRequest
                    {
                        Query = body!,
                        Variables = fromQueryString.Request.Variables,
                        OperationName = fromQueryString.Request.OperationName,
                    });
            }
        }
        if (httpRequest.QueryString.Value is { } queryString && queryString.Length > limits.MaxRequestBytes)
        {
            return TooLarge(limits.MaxRequestBytes);
        }
        return FromQueryString(httpRequest.Query, serializer, queryRequired: true);
    }

    private static ReadRequest FromQueryString(IQueryCollection query, IGraphQLTextSerializer serializer, bool queryRequired)
    {
        var text = query["query"].ToString();
        Inputs? variables = null;
        if (query["variables"].ToString() is { Length: > 0 } variablesJson)
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(variablesJson);
            }
            catch (JsonException ex)
            {
                return ReadRequest.Refused(StatusCodes.Status400BadRequest, $"The 'variables' query string parameter is not a JSON object: {ex.Message}");
            }
        }
        Inputs? extensions = null;
        if (query["extensions"].ToString() is { Length: > 0 } extensionsJson)
        {
            try
            {
                extensions = serializer.Deserialize<Inputs>(extensionsJson);
            }
            catch (JsonException ex)
            {
                return ReadRequest.Refused(StatusCodes.Status400BadRequest, $"The 'extensions' query string parameter is not a JSON object: {ex.Message}");
            }
        }
        if (queryRequired && text.Length == 0 && !PersistedQueries.Requested(extensions))
        {
            return ReadRequest.Refused(StatusCodes.Status400BadRequest, "The 'query' query string parameter is missing.");
        }
        var operationName = query["operationName"].ToString();
        return new ReadRequest(new GraphQLRequest
        {
            Query = text,
            Variables = variables,
            Extensions = extensions,
            OperationName = operationName.Length > 0 ? operationName : null,
        });
    }

    private static ReadRequest FromJson(string body, IGraphQLTextSerializer serializer)
    {
        GraphQLRequest? request;
        try
        {
            using (var document = JsonDocument.Parse(body))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return ReadRequest.Refused(StatusCodes.Status400BadRequest,
                        "The request body must be a JSON object { \"query\": ..., \"variables\": {...}, \"operationName\": ... }.");
                }
                if (document.RootElement.TryGetProperty("variables", out var variables) && variables.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    return ReadRequest.Refused(StatusCodes.Status400BadRequest, "The request body's 'variables' must be a JSON object.");
                }
            }
            request = serializer.Deserialize<GraphQLRequest>(body);
        }
        catch (JsonException ex)
        {
            return ReadRequest.Refused(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {ex.Message}");
        }
        if (request is null || (string.IsNullOrEmpty(request.Query) && !PersistedQueries.Requested(request.Extensions)))
        {
            return ReadRequest.Refused(StatusCodes.Status400BadRequest, "The request body has no 'query'.");
        }
        return new ReadRequest(request);
    }

    private static async Task<(string? Body, ReadRequest? Refusal)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength is { } declared && declared > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        // Read one byte past the limit, so a body without a length that is too long is still refused without reading it all.
        var buffer = new byte[Math.Min(maxBytes + 1L, request.ContentLength ?? maxBytes + 1L)];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        if (read > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        return (Encoding.UTF8.GetString(buffer, 0, read), null);
    }

    private static ReadRequest TooLarge(int maxBytes) =>
        ReadRequest.Refused(StatusCodes.Status413PayloadTooLarge,
            $"The request is larger than {maxBytes} bytes, the limit set by {GraphQLLimits.Key(nameof(GraphQLLimits.MaxRequestBytes))}.");
}
