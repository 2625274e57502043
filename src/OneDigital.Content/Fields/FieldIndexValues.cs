using System.Text.Json.Nodes;
using OneDigital.Content.Items;

namespace OneDigital.Content.Fields;

/// <summary>A value of a field as the generic field index stores it: one typed column is set.</summary>
public readonly record struct FieldIndexValue(string? Text = null, double? Number = null, DateTime? Date = null, bool? Boolean = null);

/// <summary>
/// How each field kind's JSON becomes rows of the generic field index (what GraphQL's field filters and sorts read).
/// Kinds without rows (HTML, markdown, YouTube, localization sets) answer none; the readers are built once.
/// </summary>
public sealed class FieldIndexValues : IFieldKindVisitor<Func<JsonObject, IEnumerable<FieldIndexValue>>>
{
    /// <summary>Longest text kept in the index; longer text is still in the document, just not filterable.</summary>
    public const int MaxIndexedText = 512;

    private static readonly FieldKindTable<Func<JsonObject, IEnumerable<FieldIndexValue>>> ByKind = new(new FieldIndexValues());

    /// <summary>The index values of one field's JSON; none when the field has no value.</summary>
    public static IEnumerable<FieldIndexValue> Of(FieldKind kind, JsonObject? field) => field is null ? [] : ByKind[kind](field);

    public static string Truncate(string text) => text.Length <= MaxIndexedText ? text : text[..MaxIndexedText];

    public Func<JsonObject, IEnumerable<FieldIndexValue>> Text() => static f => OneText(f["Text"], truncate: true);
    public Func<JsonObject, IEnumerable<FieldIndexValue>> Html() => None;
    public Func<JsonObject, IEnumerable<FieldIndexValue>> Markdown() => None;
    public Func<JsonObject, IEnumerable<FieldIndexValue>> Numeric() =>
        static f => JsonValues.Number(f["Value"]) is { } number ? [new(Number: number)] : [];
    public Func<JsonObject, IEnumerable<FieldIndexValue>> Boolean() =>
        static f => f["Value"] is JsonValue v && v.TryGetValue(out bool flag) ? [new(Boolean: flag)] : [];
    public Func<JsonObject, IEnumerable<FieldIndexValue>> Date() => UtcDateTime;
    public Func<JsonObject, IEnumerable<FieldIndexValue>> DateTime() => UtcDateTime;
    public Func<JsonObject, IEnumerable<FieldIndexValue>> Time() => static f => OneText(f["Value"], truncate: false);
    public Func<JsonObject, IEnumerable<FieldIndexValue>> Link() => static f => OneText(f["Url"], truncate: true);
    public Func<JsonObject, IEnumerable<FieldIndexValue>> Media() => static f => Texts(f["Paths"], truncate: true);
    public Func<JsonObject, IEnumerable<FieldIndexValue>> ContentPicker() => static f => Texts(f["ContentItemIds"], truncate: false);
    public Func<JsonObject, IEnumerable<FieldIndexValue>> Taxonomy() => static f => Texts(f["TermContentItemIds"], truncate: false);
    public Func<JsonObject, IEnumerable<FieldIndexValue>> UserPicker() => static f => Texts(f["UserIds"], truncate: false);
    public Func<JsonObject, IEnumerable<FieldIndexValue>> MultiText() => static f => Texts(f["Values"], truncate: true);
    public Func<JsonObject, IEnumerable<FieldIndexValue>> Youtube() => None;
    public Func<JsonObject, IEnumerable<FieldIndexValue>> LocalizationSetContentPicker() => None;

    private static IEnumerable<FieldIndexValue> None(JsonObject field) => [];

    private static IEnumerable<FieldIndexValue> UtcDateTime(JsonObject field) =>
        JsonValues.UtcDateTime(field["Value"]) is { } date ? [new(Date: date)] : [];

    private static IEnumerable<FieldIndexValue> OneText(JsonNode? node, bool truncate) =>
        JsonValues.NonEmptyString(node) is { } text ? [new(Text: truncate ? Truncate(text) : text)] : [];

    private static IEnumerable<FieldIndexValue> Texts(JsonNode? node, bool truncate)
    {
        foreach (var text in JsonValues.NonEmptyStrings(node)) yield return new(Text: truncate ? Truncate(text) : text);
    }
}
