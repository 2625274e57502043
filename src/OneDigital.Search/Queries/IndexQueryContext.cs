using Lucene.Net.Analysis;
using OneDigital.Search.Indexes;

namespace OneDigital.Search.Queries;

/// <summary>
/// What the DSL must know about an index to build queries that match its documents: the analyzer its text fields
/// were written with (match, match_phrase, query_string analyze their text with it) and how each field is encoded
/// (range and sort on a date only work on the <see cref="IndexFieldKind.DateTicks"/> encoding). A null kind means
/// the index does not know the field; the DSL then goes by the value given.
/// </summary>
public sealed record IndexQueryContext(string IndexName, Analyzer Analyzer, Func<string, IndexFieldKind?> FieldKind);

/// <summary>The query context of an index by name; throws <see cref="UnknownIndexException"/> for an unknown index.</summary>
public interface IIndexQueryContextSource
{
    Task<IndexQueryContext> GetAsync(string indexName, CancellationToken ct = default);
}

/// <summary>Orchard's core field names (ORCHARD-SPEC §4.2) that the query side builds on, with their encodings.</summary>
public static class CoreFields
{
    public const string ContentItemId = "ContentItemId";
    public const string ContentType = "Content.ContentItem.ContentType";
    public const string DisplayTextAnalyzed = "Content.ContentItem.DisplayText.Analyzed";
    public const string DisplayTextKeyword = "Content.ContentItem.DisplayText.keyword";
    public const string FullText = "Content.ContentItem.FullText";
    public const string Body = "Content.BodyAspect.Body";
    public const string Published = "Content.ContentItem.Published";
    public const string CreatedUtc = "Content.ContentItem.CreatedUtc";

    public static IndexFieldKind? KindOf(string field) => field switch
    {
        "Content.ContentItem.CreatedUtc" or "Content.ContentItem.ModifiedUtc" or "Content.ContentItem.PublishedUtc" => IndexFieldKind.DateTicks,
        DisplayTextAnalyzed or FullText or Body => IndexFieldKind.Text,
        ContentItemId or "ContentItemVersionId" or ContentType or Published or "Content.ContentItem.Latest"
            or "Content.ContentItem.Owner" or "Content.ContentItem.Author" => IndexFieldKind.Keyword,
        _ when field.EndsWith(".keyword", StringComparison.Ordinal) || field.EndsWith(".Normalized", StringComparison.Ordinal) => IndexFieldKind.Keyword,
        _ => null,
    };
}
