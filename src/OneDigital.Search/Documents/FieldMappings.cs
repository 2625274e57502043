using System.Text.Json.Nodes;
using OneDigital.Content.Fields;
using OneDigital.Search.Indexes;

namespace OneDigital.Search.Documents;

/// <summary>
/// How each content field kind becomes index fields: the name suffix after <c>{Part}.{Field}</c>, the encoding,
/// and the values. One table, so the document builder and <see cref="IndexedFieldKinds"/> cannot disagree.
/// </summary>
public static class FieldMappings
{
    /// <summary>One index field of a content field. Values are strings (Keyword, Text), doubles or UTC DateTimes.</summary>
    public sealed record Mapping(string Suffix, IndexFieldKind Kind, Func<JsonObject, IEnumerable<object>> Values, bool FullText = false);

    private static readonly Dictionary<string, Mapping[]> ByFieldKind = new(StringComparer.Ordinal)
    {
        ["TextField"] =
        [
            new("", IndexFieldKind.Text, f => One(ContentFieldKinds.Text(f["Text"])), FullText: true),
            new(IndexFieldNames.KeywordSuffix, IndexFieldKind.Keyword, f => One(ContentFieldKinds.Text(f["Text"]) is { Length: <= IndexFieldNames.MaxKeywordLength } t ? t : null)),
        ],
        ["HtmlField"] = [new("", IndexFieldKind.Text, f => One(PlainText.FromHtml(ContentFieldKinds.Text(f["Html"]))), FullText: true)],
        ["MarkdownField"] = [new("", IndexFieldKind.Text, f => One(PlainText.FromMarkdown(ContentFieldKinds.Text(f["Markdown"]))), FullText: true)],
        ["NumericField"] = [new("", IndexFieldKind.Number, f => ContentFieldKinds.Number(f["Value"]) is { } n ? [n] : [])],
        ["BooleanField"] = [new("", IndexFieldKind.Keyword, f => f["Value"] is JsonValue v && v.TryGetValue(out bool b) ? [b ? "true" : "false"] : [])],
        ["DateField"] = [new("", IndexFieldKind.DateTicks, f => ContentFieldKinds.Date(f["Value"]) is { } d ? [d] : [])],
        ["DateTimeField"] = [new("", IndexFieldKind.DateTicks, f => ContentFieldKinds.Date(f["Value"]) is { } d ? [d] : [])],
        ["TimeField"] = [new("", IndexFieldKind.Keyword, f => One(ContentFieldKinds.Text(f["Value"])))],
        ["LinkField"] =
        [
            new(".Url", IndexFieldKind.Keyword, f => One(ContentFieldKinds.Text(f["Url"]))),
            new(".Text", IndexFieldKind.Text, f => One(ContentFieldKinds.Text(f["Text"]))),
        ],
        ["MediaField"] = [new(".Paths", IndexFieldKind.Keyword, f => ContentFieldKinds.Strings(f["Paths"]))],
        ["ContentPickerField"] =
        [
            new(".ContentItemIds", IndexFieldKind.Keyword, f => ContentFieldKinds.Strings(f["ContentItemIds"])),
            new(".Ids", IndexFieldKind.Keyword, f => ContentFieldKinds.Strings(f["ContentItemIds"])),
        ],
        ["TaxonomyField"] =
        [
            new(".TermContentItemIds", IndexFieldKind.Keyword, f => ContentFieldKinds.Strings(f["TermContentItemIds"])),
            new(".Ids", IndexFieldKind.Keyword, f => ContentFieldKinds.Strings(f["TermContentItemIds"])),
        ],
        ["UserPickerField"] = [new(".UserIds", IndexFieldKind.Keyword, f => ContentFieldKinds.Strings(f["UserIds"]))],
        ["MultiTextField"] = [new("", IndexFieldKind.Keyword, f => ContentFieldKinds.Strings(f["Values"]))],
    };

    /// <summary>The index fields of a content field kind; none for kinds that are not indexed.</summary>
    public static IReadOnlyList<Mapping> For(string fieldKind) => ByFieldKind.TryGetValue(fieldKind, out var m) ? m : [];

    private static IEnumerable<object> One(string? value) => string.IsNullOrEmpty(value) ? [] : [value];
}
