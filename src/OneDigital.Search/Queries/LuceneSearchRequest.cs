using Lucene.Net.Search;

namespace OneDigital.Search.Queries;

/// <summary>A parsed DSL request: the query, an optional sort (null = by relevance) and the page of hits to return.</summary>
public sealed record LuceneSearchRequest(Query Query, Sort? Sort, int Size, int From)
{
    public const int DefaultSize = 10;

    /// <summary>Elasticsearch's default result window; deeper pages make every search allocate that many slots.</summary>
    public const int MaxWindow = 10_000;
}
