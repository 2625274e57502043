using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Search.Queries;
using OneDigital.Web.Problems;

namespace OneDigital.Web.Api.Queries;

/// <summary>
/// The named values of an API call: the query string for GET; for POST a form, or a JSON object whose values may be
/// strings (as Orchard's clients send them) or JSON objects.
/// </summary>
internal sealed class ApiRequestValues
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The raw body of a POST that was neither a form nor a JSON object (the Queries API takes its parameters so).</summary>
    public string? Body { get; private set; }

    public static async Task<ApiRequestValues> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var values = new ApiRequestValues();
        foreach (var (key, value) in request.Query)
        {
            values._values[key] = JsonValue.Create(value.ToString());
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            return values;
        }
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(ct))
            {
                values._values[key] = JsonValue.Create(value.ToString());
            }
            return values;
        }
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        values.Body = body;
        if (string.IsNullOrWhiteSpace(body))
        {
            return values;
        }
        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                foreach (var (key, value) in json) values._values[key] = value?.DeepClone();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the caller reads Body and reports what it expected.
        }
        return values;
    }

    /// <summary>A value as text (a JSON object or array is given as its JSON).</summary>
    public string? Text(string name) => _values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var node => node.ToJsonString(),
    };

    /// <summary>The parameters object: a JSON object, or a string holding one. Throws <see cref="ApiRequestException"/> (an invalid query) when it is neither.</summary>
    public JsonObject? Parameters(string name = "parameters") => ParseParameters(_values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonObject obj => obj.ToJsonString(),
        var node => Text(name),
    });

    public static JsonObject? ParseParameters(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw InvalidParameters("parameters must be a JSON object, such as { \"size\": 3 }");
        }
        catch (JsonException ex)
        {
            throw InvalidParameters($"parameters are not valid JSON ({ex.Message})");
        }
    }

    private static ApiRequestException InvalidParameters(string detail) => new(SearchQueryException.InvalidTitle, detail);
}
