// Why: the search template sees a finished page of plain values (marked titles and snippets as safe HTML, ready
// links for filters and pages), so a designer can restyle it without knowing the search service or its rules.
using OneDigital.Site.Models;

namespace OneDigital.Site.Search;

/// <summary>The search page's model (Search.liquid).</summary>
public sealed class SearchView
{
    /// <summary>The words as the reader typed them (the box shows them again).</summary>
    public string Query { get; init; } = "";

    /// <summary>Why no search ran (nothing typed, too long), in plain words; null when one did.</summary>
    public string? Message { get; init; }

    public bool Searched { get; init; }

    public int Total { get; init; }

    /// <summary>The numbers of this page's first and last results (1-based).</summary>
    public int First { get; init; }

    public int Last { get; init; }

    public IReadOnlyList<SearchResultView> Results { get; init; } = [];

    /// <summary>True when nothing matched as typed and the results forgive spelling mistakes.</summary>
    public bool Fuzzy { get; init; }

    public IReadOnlyList<FacetView> Types { get; init; } = [];

    public IReadOnlyList<FacetView> Topics { get; init; } = [];

    /// <summary>The filters in force, each with a link that removes it.</summary>
    public IReadOnlyList<FacetView> ActiveFilters { get; init; } = [];

    public IReadOnlyList<PageLinkView> Pages { get; init; } = [];

    public string? PreviousUrl { get; init; }

    public string? NextUrl { get; init; }
}

/// <summary>One result: its title and snippet with the matched words in &lt;mark&gt;.</summary>
public sealed class SearchResultView
{
    public required SafeHtml Title { get; init; }

    /// <summary>The item's address, or null when it has no route.</summary>
    public string? Url { get; init; }

    /// <summary>The type's display name (Blog post, Report).</summary>
    public required string Type { get; init; }

    public DateTime? PublishedUtc { get; init; }

    /// <summary>Null when the item has no text beyond its title.</summary>
    public SafeHtml? Snippet { get; init; }
}

/// <summary>A filter link: its text, how many results it keeps, where it goes, whether it is in force.</summary>
public sealed record FacetView(string Text, int Count, string Url, bool Selected);

/// <summary>A numbered page link.</summary>
public sealed record PageLinkView(int Number, string Url, bool Current);
