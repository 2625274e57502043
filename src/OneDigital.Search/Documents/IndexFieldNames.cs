using OneDigital.Search.Indexes;

namespace OneDigital.Search.Documents;

/// <summary>
/// The names of the fields a content item's Lucene document holds (Orchard's names, ORCHARD-SPEC §4.2) and how each
/// is encoded (<see cref="IndexFieldKind"/>). <see cref="IndexedFieldKinds"/> answers the kind of any name.
/// <list type="table">
/// <item><c>ContentItemId</c>, <c>ContentItemVersionId</c>: Keyword, stored (the document's identity).</item>
/// <item><c>Content.ContentItem.ContentType</c> (+ <c>.keyword</c>), <c>.Owner</c>, <c>.Author</c>,
///   <c>.DisplayText</c>, <c>.DisplayText.keyword</c>, <c>.DisplayText.Normalized</c> (lower case, no diacritics):
///   Keyword, stored.</item>
/// <item><c>Content.ContentItem.Published</c>, <c>.Latest</c>: Keyword "true"/"false", stored.</item>
/// <item><c>Content.ContentItem.DisplayText.Analyzed</c>, <c>Content.ContentItem.FullText</c> (title, body, text
///   fields), <c>Content.BodyAspect.Body</c> (markdown/html as plain text): Text (the index's analyzer).</item>
/// <item><c>Content.ContentItem.CreatedUtc</c>, <c>.ModifiedUtc</c>, <c>.PublishedUtc</c>: DateTicks, stored.</item>
/// <item>Parts: <c>AutoroutePart.Path</c> Keyword; <c>AliasPart.Alias</c> Keyword;
///   <c>ContainedPart.ListContentItemId</c> Keyword; <c>ContainedPart.Order</c> Number. The title and the
///   markdown/html body are searched through DisplayText.Analyzed and Content.BodyAspect.Body (analysis is most of a
///   rebuild's cost, so they are not analyzed a third time under their parts' names).</item>
/// <item>Fields, under <c>{Part}.{Field}</c> (the part's name in the type): Text/Html/Markdown → Text, and a text
///   field up to 256 characters also <c>{Part}.{Field}.keyword</c> Keyword stored; Numeric → Number; Boolean →
///   Keyword "true"/"false"; Date/DateTime → DateTicks; Time → Keyword; Link → <c>.Url</c> Keyword and
///   <c>.Text</c> Text; Media → <c>.Paths</c> Keyword; ContentPicker → <c>.ContentItemIds</c> and <c>.Ids</c>
///   Keyword; Taxonomy → <c>.TermContentItemIds</c> and <c>.Ids</c> Keyword; UserPicker → <c>.UserIds</c>
///   Keyword; MultiText → Keyword per value.</item>
/// <item><c>Content.ContentItem.Source</c>: the item's JSON, stored only, when the profile has StoreSourceData.</item>
/// </list>
/// DateTicks are <see cref="DateTime.Ticks"/> of the UTC time (Int64Field): sort with SortFieldType.INT64 and build
/// ranges with <see cref="NumericFields.Int64Range"/> (the index's precision step), whatever "type" an Orchard query's sort names.
/// </summary>
public static class IndexFieldNames
{
    public const string ContentItemId = "ContentItemId";
    public const string ContentItemVersionId = "ContentItemVersionId";
    public const string ContentType = "Content.ContentItem.ContentType";
    public const string ContentTypeKeyword = "Content.ContentItem.ContentType.keyword";
    public const string DisplayText = "Content.ContentItem.DisplayText";
    public const string DisplayTextAnalyzed = "Content.ContentItem.DisplayText.Analyzed";
    public const string DisplayTextKeyword = "Content.ContentItem.DisplayText.keyword";
    public const string DisplayTextNormalized = "Content.ContentItem.DisplayText.Normalized";
    public const string FullText = "Content.ContentItem.FullText";
    public const string Body = "Content.BodyAspect.Body";
    public const string Published = "Content.ContentItem.Published";
    public const string Latest = "Content.ContentItem.Latest";
    public const string CreatedUtc = "Content.ContentItem.CreatedUtc";
    public const string ModifiedUtc = "Content.ContentItem.ModifiedUtc";
    public const string PublishedUtc = "Content.ContentItem.PublishedUtc";
    public const string Owner = "Content.ContentItem.Owner";
    public const string Author = "Content.ContentItem.Author";
    public const string Source = "Content.ContentItem.Source";
    public const string Path = "AutoroutePart.Path";
    public const string Alias = "AliasPart.Alias";
    public const string ListContentItemId = "ContainedPart.ListContentItemId";
    public const string ListOrder = "ContainedPart.Order";

    /// <summary>Suffix of the exact-value copy of a short text field.</summary>
    public const string KeywordSuffix = ".keyword";

    /// <summary>Text longer than this gets no <see cref="KeywordSuffix"/> copy (Orchard's automatic mapping).</summary>
    public const int MaxKeywordLength = 256;

    /// <summary>The fields every document may have, and their kinds.</summary>
    public static readonly IReadOnlyDictionary<string, IndexFieldKind> Core = new Dictionary<string, IndexFieldKind>(StringComparer.Ordinal)
    {
        [ContentItemId] = IndexFieldKind.Keyword,
        [ContentItemVersionId] = IndexFieldKind.Keyword,
        [ContentType] = IndexFieldKind.Keyword,
        [ContentTypeKeyword] = IndexFieldKind.Keyword,
        [DisplayText] = IndexFieldKind.Keyword,
        [DisplayTextAnalyzed] = IndexFieldKind.Text,
        [DisplayTextKeyword] = IndexFieldKind.Keyword,
        [DisplayTextNormalized] = IndexFieldKind.Keyword,
        [FullText] = IndexFieldKind.Text,
        [Body] = IndexFieldKind.Text,
        [Published] = IndexFieldKind.Keyword,
        [Latest] = IndexFieldKind.Keyword,
        [CreatedUtc] = IndexFieldKind.DateTicks,
        [ModifiedUtc] = IndexFieldKind.DateTicks,
        [PublishedUtc] = IndexFieldKind.DateTicks,
        [Owner] = IndexFieldKind.Keyword,
        [Author] = IndexFieldKind.Keyword,
        [Path] = IndexFieldKind.Keyword,
        [Alias] = IndexFieldKind.Keyword,
        [ListContentItemId] = IndexFieldKind.Keyword,
        [ListOrder] = IndexFieldKind.Number,
    };
}
