using System.Globalization;
using System.Text.Json.Nodes;

namespace OneDigital.Content.Fields;

/// <summary>A value of a field as the generic field index stores it: one typed column is set.</summary>
public readonly record struct FieldIndexValue(string? Text = null, double? Number = null, DateTime? Date = null, bool? Boolean = null);

/// <summary>The field kinds the engine knows, and how each one's JSON maps to index values.</summary>
public static class ContentFieldKinds
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "TextField", "HtmlField", "MarkdownField", "NumericField", "BooleanField", "DateField", "DateTimeField",
        "TimeField", "LinkField", "MediaField", "ContentPickerField", "TaxonomyField", "UserPickerField",
        "MultiTextField", "YoutubeField", "LocalizationSetContentPickerField",
    };

    /// <summary>Longest text kept in the index; longer text is still in the document, just not filterable.</summary>
    public const int MaxIndexedText = 512;

    public static IEnumerable<FieldIndexValue> IndexValues(string kind, JsonObject? field)
    {
        if (field is null)
        {
            yield break;
        }
        switch (kind)
        {
            case "TextField":
                if (Text(field["Text"]) is { } text) yield return new(Text: Truncate(text));
                break;
            case "NumericField":
                if (Number(field["Value"]) is { } number) yield return new(Number: number);
                break;
            case "BooleanField":
                if (field["Value"] is JsonValue b && b.TryGetValue(out bool flag)) yield return new(Boolean: flag);
                break;
            case "DateField" or "DateTimeField":
                if (Date(field["Value"]) is { } date) yield return new(Date: date);
                break;
            case "TimeField":
                if (Text(field["Value"]) is { } time) yield return new(Text: time);
                break;
            case "LinkField":
                if (Text(field["Url"]) is { } url) yield return new(Text: Truncate(url));
                break;
            case "MediaField":
                foreach (var path in Strings(field["Paths"])) yield return new(Text: Truncate(path));
                break;
            case "ContentPickerField":
                foreach (var id in Strings(field["ContentItemIds"])) yield return new(Text: id);
                break;
            case "TaxonomyField":
                foreach (var id in Strings(field["TermContentItemIds"])) yield return new(Text: id);
                break;
            case "UserPickerField":
                foreach (var id in Strings(field["UserIds"])) yield return new(Text: id);
                break;
            case "MultiTextField":
                foreach (var value in Strings(field["Values"])) yield return new(Text: Truncate(value));
                break;
        }
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrEmpty(s) ? s : null;

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

    public static DateTime? Date(JsonNode? node)
    {
        if (node is not JsonValue v) return null;
        if (v.TryGetValue(out DateTime d)) return d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc);
        return v.TryGetValue(out string? s) && DateTime.TryParse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out d) ? d : null;
    }

    public static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(Text).OfType<string>() : [];

    private static string Truncate(string text) => text.Length <= MaxIndexedText ? text : text[..MaxIndexedText];
}
