using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using OneDigital.Search.Documents;
using OneDigital.Search.Indexes;

namespace OneDigital.Search.Queries;

/// <summary>
/// What the DSL must know about an index to build queries that match its documents: the analyzer its text fields
/// were written with (match, match_phrase, query_string analyze their text with it) and how each field is encoded
/// (range and sort on a date only work on the <see cref="IndexFieldKind.DateTicks"/> encoding). A null kind means
/// the index does not know the field; the DSL then goes by the value given.
/// </summary>
public sealed record IndexQueryContext(string IndexName, Analyzer Analyzer, Func<string, IndexFieldKind?> FieldKind)
{
    /// <summary>The terms the index's analyzer makes of a text for a field, with their positions (for phrases).</summary>
    public List<(string Term, int Position)> Analyze(string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = Analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        stream.End();
        return terms;
    }
}

/// <summary>The query context of an index by name; throws <see cref="UnknownIndexException"/> for an unknown index.</summary>
public interface IIndexQueryContextSource
{
    Task<IndexQueryContext> GetAsync(string indexName, CancellationToken ct = default);
}

/// <summary>How Orchard's core fields (<see cref="IndexFieldNames"/>) are encoded, for indexes that do not say.</summary>
public static class CoreFields
{
    public static IndexFieldKind? KindOf(string field) => field switch
    {
        "Content.ContentItem.CreatedUtc" or "Content.ContentItem.ModifiedUtc" or "Content.ContentItem.PublishedUtc" => IndexFieldKind.DateTicks,
        IndexFieldNames.DisplayTextAnalyzed or IndexFieldNames.FullText or IndexFieldNames.Body => IndexFieldKind.Text,
        IndexFieldNames.ContentItemId or "ContentItemVersionId" or IndexFieldNames.ContentType or IndexFieldNames.Published or "Content.ContentItem.Latest"
            or "Content.ContentItem.Owner" or "Content.ContentItem.Author" => IndexFieldKind.Keyword,
        _ when field.EndsWith(".keyword", StringComparison.Ordinal) || field.EndsWith(".Normalized", StringComparison.Ordinal) => IndexFieldKind.Keyword,
        _ => null,
    };
}
