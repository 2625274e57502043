using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneDigital.Web.Tests.GraphQL.Support;

/// <summary>An answer of <c>/api/graphql</c>: status, headers and the JSON body (null when there is none).</summary>
public sealed record GraphQLAnswer(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Body)
{
    public JsonObject? Json => Body.Length == 0 ? null : JsonNode.Parse(Body) as JsonObject;

    public string? ETag => Headers.ETag?.ToString();

    public string CacheControl => Headers.CacheControl?.ToString() ?? "";

    public IReadOnlyList<string> ErrorMessages =>
        Json?["errors"] is JsonArray errors ? [.. errors.Select(e => e!["message"]!.GetValue<string>())] : [];

    public override string ToString() => $"{(int)Status} {CacheControl} {Body}";
}

public static class GraphQLHttp
{
    public const string Path = "/api/graphql";

    public static Task<GraphQLAnswer> GraphQLPostAsync(this HttpClient http, string query, object? variables = null, string? operationName = null,
        string? authorization = null, string? ifNoneMatch = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables, operationName });
        return http.SendRawAsync(HttpMethod.Post, Path, new StringContent(body, Encoding.UTF8, "application/json"), authorization, ifNoneMatch);
    }

    public static Task<GraphQLAnswer> GraphQLGetAsync(this HttpClient http, string query, string? variables = null, string? operationName = null,
        string? authorization = null, string? ifNoneMatch = null)
    {
        var url = $"{Path}?query={Uri.EscapeDataString(query)}"
            + (variables is null ? "" : $"&variables={Uri.EscapeDataString(variables)}")
            + (operationName is null ? "" : $"&operationName={Uri.EscapeDataString(operationName)}");
        return http.SendRawAsync(HttpMethod.Get, url, null, authorization, ifNoneMatch);
    }

    public static async Task<GraphQLAnswer> SendRawAsync(this HttpClient http, HttpMethod method, string url, HttpContent? content,
        string? authorization = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLAnswer(response.StatusCode, response.Headers, response.Content.Headers, body);
    }
}
