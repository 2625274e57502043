// Why: every list a reader pages through (the hub, case studies, a blog) says where they are in the same words and
// pages with real links, so "Showing 21 to 40 of 73 items" and the page links are worked out once.
using Microsoft.AspNetCore.Http;
using OneDigital.Site.Models;

namespace OneDigital.Site.Hub;

/// <summary>One page of a list: its items, the counts and the links to other pages (GOV.UK pagination).</summary>
public sealed class ResultsView
{
    public required IReadOnlyList<ItemView> Items { get; init; }

    public required int Total { get; init; }

    /// <summary>The page shown, from 1.</summary>
    public required int PageNumber { get; init; }

    public required int PageCount { get; init; }

    /// <summary>The position of the first item shown, from 1 (0 when none are).</summary>
    public int First { get; init; }

    public int Last { get; init; }

    /// <summary>What the page shows, as readers read it: "Showing 21 to 40 of 73 items".</summary>
    public required string Summary { get; init; }

    public PageLink? Previous { get; init; }

    public PageLink? Next { get; init; }

    /// <summary>The first, last and nearby pages; a gap (<see cref="PageLink.Gap"/>) where pages are left out.</summary>
    public IReadOnlyList<PageLink> Pages { get; init; } = [];
}

/// <summary>A link to a page of a list; a gap has no address and stands for the pages left out.</summary>
public sealed record PageLink(int Number, string? Url, bool Current, bool Gap);

/// <summary>Page numbers from the query string and the links between pages.</summary>
public static class Paging
{
    public const string PageKey = "page";

    /// <summary>The requested page (1 when absent), or null when <c>page</c> is not a whole number from 1.</summary>
    public static int? Requested(HttpRequest request)
    {
        var value = request.Query[PageKey];
        if (value.Count == 0 || string.IsNullOrEmpty(value.ToString())) return 1;
        return value.Count == 1 && int.TryParse(value.ToString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : null;
    }

    /// <summary>How many pages <paramref name="total"/> items fill (at least one, so an empty list has its page).</summary>
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>
    /// The page's view. <paramref name="urlOf"/> gives a page's address (the list's filters kept); <paramref name="noun"/>
    /// names the items in the counts ("items", "posts").
    /// </summary>
    public static ResultsView View(IReadOnlyList<ItemView> items, int total, int page, int pageSize, Func<int, string> urlOf, string noun = "items")
    {
        var count = PageCount(total, pageSize);
        var first = items.Count == 0 ? 0 : ((page - 1) * pageSize) + 1;
        var last = items.Count == 0 ? 0 : first + items.Count - 1;
        return new ResultsView
        {
            Items = items,
            Total = total,
            PageNumber = page,
            PageCount = count,
            First = first,
            Last = last,
            Summary = total == 0 ? $"No {noun} found"
                : items.Count == 0 ? $"No {noun} on this page"
                : first == 1 && last == total ? $"Showing {total} {(total == 1 ? Singular(noun) : noun)}"
                : $"Showing {first} to {last} of {total} {noun}",
            Previous = page > 1 && page <= count ? new PageLink(page - 1, urlOf(page - 1), false, false) : null,
            Next = page < count ? new PageLink(page + 1, urlOf(page + 1), false, false) : null,
            Pages = count == 1 ? [] : Numbers(page, count, urlOf),
        };
    }

    /// <summary><paramref name="path"/> with the non-empty <paramref name="filters"/> and the page when past the first.</summary>
    public static string Url(string path, IEnumerable<KeyValuePair<string, string?>> filters, int page)
    {
        var pairs = filters.Where(f => !string.IsNullOrEmpty(f.Value)).ToList();
        if (page > 1) pairs.Add(new(PageKey, page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return path + QueryString.Create(pairs).ToUriComponent();
    }

    private static string Singular(string noun) => noun.EndsWith('s') ? noun[..^1] : noun;

    // 1 … 4 5 6 … 12: the ends and the neighbours, so the links stay few however long the list.
    private static List<PageLink> Numbers(int page, int count, Func<int, string> urlOf)
    {
        var links = new List<PageLink>();
        var previous = 0;
        for (var number = 1; number <= count; number++)
        {
            if (number != 1 && number != count && Math.Abs(number - page) > 1) continue;
            if (number - previous > 1) links.Add(new PageLink(0, null, false, true));
            links.Add(new PageLink(number, urlOf(number), number == page, false));
            previous = number;
        }
        return links;
    }
}
