using OneDigital.Content.Items;

namespace OneDigital.Search.SiteSearch;

/// <summary>What a reader asks: words (a "quoted phrase" must match as written), a page, and optional filters.</summary>
public sealed record SiteSearchRequest(string Text, int Page = 1, int PageSize = 10, string? ContentType = null, string? TopicId = null);

public sealed class SiteSearchResult
{
    public required IReadOnlyList<SiteSearchHit> Items { get; init; }

    /// <summary>Every hit the reader may see, not just this page's.</summary>
    public required int Total { get; init; }

    public required int Page { get; init; }

    public required int PageSize { get; init; }

    /// <summary>Hits per content type and per topic term id, over all hits.</summary>
    public required IReadOnlyDictionary<string, int> ContentTypes { get; init; }

    public required IReadOnlyDictionary<string, int> Topics { get; init; }

    /// <summary>True when nothing matched as typed and these hits come from forgiving spelling mistakes.</summary>
    public bool UsedFuzzy { get; init; }

    /// <summary>With <see cref="UsedFuzzy"/>: the words as the reader typed them.</summary>
    public string? CorrectedFrom { get; init; }
}

/// <summary>A published item and its snippet: HTML-escaped text with the matching words in &lt;mark&gt;.</summary>
public sealed record SiteSearchHit(ContentItem Item, string Title, string Snippet, float Score);

public sealed class SiteSearchOptions
{
    public string IndexName { get; set; } = "Search";

    /// <summary>How much more a word in the title counts than one in the body.</summary>
    public float TitleBoost { get; set; } = 3f;

    /// <summary>
    /// Index fields holding topic term ids (a TaxonomyField named Topics is indexed as <c>{Part}.Topics.Ids</c>);
    /// when empty, every <c>{Part}.Topics.Ids</c> of the content definitions.
    /// </summary>
    public List<string> TopicFields { get; set; } = [];

    public int MaxPageSize { get; set; } = 100;

    public int SnippetLength { get; set; } = 200;
}
