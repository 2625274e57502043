using System.Globalization;
using System.Text.Json.Nodes;

namespace OneDigital.Content.Items;

/// <summary>
/// The general readers of values in an item's (or a recipe's, or a document's) JSON, in one place: each name says
/// what it accepts and what it gives back for anything else, so the store, search and GraphQL read JSON alike.
/// </summary>
public static class JsonValues
{
    /// <summary>A property of an object, its name compared ignoring case as Orchard's deserialisation does (an exact match first).</summary>
    public static JsonNode? Property(JsonObject obj, string property) =>
        obj.TryGetPropertyValue(property, out var exact) ? exact
        : obj.FirstOrDefault(p => string.Equals(p.Key, property, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Deep-merges settings-like objects: objects merge, anything else is replaced by a copy.</summary>
    public static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToList())
        {
            if (value is JsonObject sourceObject && target[key] is JsonObject targetObject)
            {
                Merge(targetObject, sourceObject);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>A JSON string that is not empty; null for anything else.</summary>
    public static string? NonEmptyString(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrEmpty(s) ? s : null;

    /// <summary>The non-empty strings of a JSON array, in order; nothing for anything else.</summary>
    public static IEnumerable<string> NonEmptyStrings(JsonNode? node) =>
        node is JsonArray array ? array.Select(NonEmptyString).OfType<string>() : [];

    /// <summary>A JSON number, or a string holding one (invariant culture); null for anything else.</summary>
    public static double? Number(JsonNode? node)
    {
        if (node is not JsonValue v) return null;
        // A value built in code holds a CLR int or decimal, a parsed one a JsonElement: the JSON text reads both.
        var text = v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.Number => v.ToJsonString(),
            System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            _ => null,
        };
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>A date and time (a DateTime value or a parsable string, taken as UTC without a zone), in UTC; null otherwise.</summary>
    public static DateTime? UtcDateTime(JsonNode? node)
    {
        if (node is not JsonValue v) return null;
        if (v.TryGetValue(out DateTime d)) return d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc);
        return v.TryGetValue(out string? s) && DateTime.TryParse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out d) ? d : null;
    }

    /// <summary>A JSON string as it is, any other scalar as its JSON text (<c>12</c>, <c>true</c>); null for objects, arrays and missing values.</summary>
    public static string? ScalarText(JsonNode? node) =>
        node is JsonValue v ? (v.TryGetValue(out string? s) ? s : v.ToJsonString()) : null;

    /// <summary>
    /// <see cref="ScalarText"/> of every entry of a JSON array, "" where an entry has none, so positions line up with
    /// a parallel array (a media field's paths and texts); empty for anything else.
    /// </summary>
    public static string[] ScalarTexts(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => ScalarText(n) ?? "")] : [];
}
