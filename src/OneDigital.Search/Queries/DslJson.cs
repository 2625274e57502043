using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneDigital.Search.Queries;

/// <summary>Reading DSL values with errors that name their path.</summary>
internal static class DslJson
{
    public static JsonObject Object(JsonNode? node, string path, string example) =>
        node as JsonObject ?? throw new SearchQueryException(path, $"expected an object such as {example}, not {Show(node)}");

    /// <summary>A leaf clause's single <c>{ "field": value }</c> pair, ignoring the listed sibling keys.</summary>
    public static (string Field, JsonNode? Value) FieldAndValue(JsonObject body, string path, string example, params string[] siblings)
    {
        var pairs = body.Where(p => !siblings.Contains(p.Key)).ToList();
        if (pairs.Count != 1)
        {
            throw new SearchQueryException(path, $"expected exactly one field, as in {example}");
        }
        return (pairs[0].Key, pairs[0].Value);
    }

    /// <summary>A scalar as text: strings as they are, numbers invariant, booleans as "true"/"false" (how booleans are indexed).</summary>
    public static string Text(JsonNode? node, string path) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw new SearchQueryException(path, $"expected a string, number or boolean, not {Show(node)}"),
        }
        : throw new SearchQueryException(path, $"expected a string, number or boolean, not {Show(node)}");

    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    /// <summary>A finite number (1e400 and "Infinity" parse as infinities, which no field holds and Lucene cannot range over).</summary>
    public static double Number(JsonNode? node, string path) =>
        node is JsonValue v && (v.GetValueKind() == JsonValueKind.Number
            ? v.TryGetValue<double>(out var d) || double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d)
            : v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out d))
            ? double.IsFinite(d) ? d : throw new SearchQueryException(path, $"{Show(node)} is too large: numbers must lie within ±{double.MaxValue:R}")
            : throw new SearchQueryException(path, $"expected a number, not {Show(node)}");

    public static int Int(JsonNode? node, string path)
    {
        var d = Number(node, path);
        return d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue
            ? (int)d
            : throw new SearchQueryException(path, $"expected a whole number, not {Show(node)}");
    }

    public static float Boost(JsonNode? node, string path)
    {
        var d = Number(node, path);
        return d switch
        {
            < 0 => throw new SearchQueryException(path, "a boost must not be negative"),
            > Limits.SearchLimits.MaxBoost => throw new SearchQueryException(path,
                $"a boost must not exceed {Limits.SearchLimits.N((long)Limits.SearchLimits.MaxBoost)} ({Limits.SearchLimits.BoostName})"),
            _ => (float)d,
        };
    }

    /// <summary>
    /// A date as UTC DateTime ticks: an ISO 8601 string (without an offset it is taken as UTC) or a number of ticks,
    /// the form dates are indexed in.
    /// </summary>
    public static long DateTicks(JsonNode? node, string path)
    {
        if (IsNumber(node))
        {
            var ticks = Number(node, path);
            return ticks is >= 0 and <= 3.155378975999999999E+18 ? (long)ticks : throw new SearchQueryException(path, "a date given as a number is DateTime ticks, and this is out of range");
        }
        var text = Text(node, path);
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date.Ticks
            : throw new SearchQueryException(path, $"'{text}' is not a date (use ISO 8601, e.g. 2024-05-01T00:00:00Z)");
    }

    /// <summary>Whether a string looks like an ISO date (2024-05-01...), for fields the index does not describe.</summary>
    public static bool LooksLikeDate(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: >= 10 } s
        && char.IsAsciiDigit(s[0]) && s[4] == '-' && s[7] == '-'
        && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    /// <summary>One clause or an array of clauses, each with its path.</summary>
    public static IEnumerable<(JsonNode? Node, string Path)> OneOrMany(JsonNode? node, string path) => node switch
    {
        JsonArray array => array.Select((n, i) => (n, $"{path}[{i}]")),
        _ => [(node, path)],
    };

    public static string Show(JsonNode? node)
    {
        var json = node?.ToJsonString() ?? "null";
        return json.Length > 60 ? json[..57] + "..." : json;
    }
}
