using System.Text.Json.Nodes;
using OneDigital.Content.Fields;
using OneDigital.Content.Items;
using OneDigital.Search.Indexes;

namespace OneDigital.Search.Documents;

/// <summary>
/// How each content field kind becomes index fields: the name suffix after <c>{Part}.{Field}</c>, the encoding,
/// and the values. One table, so the document builder and <see cref="IndexedFieldKinds"/> cannot disagree; built once,
/// so indexing a field looks its mappings up by kind.
/// </summary>
public sealed class FieldMappings : IFieldKindVisitor<FieldMappings.Mapping[]>
{
    /// <summary>One index field of a content field. Values are strings (Keyword, Text), doubles or UTC DateTimes.</summary>
    public sealed record Mapping(string Suffix, IndexFieldKind Kind, Func<JsonObject, IEnumerable<object>> Values, bool FullText = false);

    private static readonly FieldKindTable<Mapping[]> ByKind = new(new FieldMappings());

    /// <summary>The index fields of a content field kind; none for kinds that are not indexed.</summary>
    public static IReadOnlyList<Mapping> For(FieldKind kind) => ByKind[kind];

    public Mapping[] Text() =>
    [
        new("", IndexFieldKind.Text, f => One(JsonValues.NonEmptyString(f["Text"])), FullText: true),
        new(IndexFieldNames.KeywordSuffix, IndexFieldKind.Keyword, f => One(JsonValues.NonEmptyString(f["Text"]) is { Length: <= IndexFieldNames.MaxKeywordLength } t ? t : null)),
    ];

    public Mapping[] Html() => [new("", IndexFieldKind.Text, f => One(PlainText.FromHtml(JsonValues.NonEmptyString(f["Html"]))), FullText: true)];

    public Mapping[] Markdown() => [new("", IndexFieldKind.Text, f => One(PlainText.FromMarkdown(JsonValues.NonEmptyString(f["Markdown"]))), FullText: true)];

    public Mapping[] Numeric() => [new("", IndexFieldKind.Number, f => JsonValues.Number(f["Value"]) is { } n ? [n] : [])];

    public Mapping[] Boolean() => [new("", IndexFieldKind.Keyword, f => f["Value"] is JsonValue v && v.TryGetValue(out bool b) ? [b ? "true" : "false"] : [])];

    public Mapping[] Date() => [new("", IndexFieldKind.DateTicks, f => JsonValues.UtcDateTime(f["Value"]) is { } d ? [d] : [])];

    public Mapping[] DateTime() => [new("", IndexFieldKind.DateTicks, f => JsonValues.UtcDateTime(f["Value"]) is { } d ? [d] : [])];

    public Mapping[] Time() => [new("", IndexFieldKind.Keyword, f => One(JsonValues.NonEmptyString(f["Value"])))];

    public Mapping[] Link() =>
    [
        new(".Url", IndexFieldKind.Keyword, f => One(JsonValues.NonEmptyString(f["Url"]))),
        new(".Text", IndexFieldKind.Text, f => One(JsonValues.NonEmptyString(f["Text"]))),
    ];

    public Mapping[] Media() => [new(".Paths", IndexFieldKind.Keyword, f => JsonValues.NonEmptyStrings(f["Paths"]))];

    public Mapping[] ContentPicker() =>
    [
        new(".ContentItemIds", IndexFieldKind.Keyword, f => JsonValues.NonEmptyStrings(f["ContentItemIds"])),
        new(".Ids", IndexFieldKind.Keyword, f => JsonValues.NonEmptyStrings(f["ContentItemIds"])),
    ];

    public Mapping[] Taxonomy() =>
    [
        new(".TermContentItemIds", IndexFieldKind.Keyword, f => JsonValues.NonEmptyStrings(f["TermContentItemIds"])),
        new(".Ids", IndexFieldKind.Keyword, f => JsonValues.NonEmptyStrings(f["TermContentItemIds"])),
    ];

    public Mapping[] UserPicker() => [new(".UserIds", IndexFieldKind.Keyword, f => JsonValues.NonEmptyStrings(f["UserIds"]))];

    public Mapping[] MultiText() => [new("", IndexFieldKind.Keyword, f => JsonValues.NonEmptyStrings(f["Values"]))];

    // Orchard's Lucene indexing has no provider for these either.
    public Mapping[] Youtube() => [];

    public Mapping[] LocalizationSetContentPicker() => [];

    private static IEnumerable<object> One(string? value) => string.IsNullOrEmpty(value) ? [] : [value];
}
