// Why: every paged list in the admin (content, writing report, and whatever lists come next) links its pages the
// same way: GOV.UK's pagination with the first, last and neighbouring pages, over the list's own query string.
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OneDigital.Admin.Shared.Paging;

/// <summary>What <c>Shared/_Pagination.cshtml</c> draws: the page shown, the last page, the nav's label, each page's address.</summary>
public sealed record PageLinks(int PageNumber, int LastPage, string Label, Func<int, string> Href)
{
    /// <summary>The first, previous, current, next and last pages, once each, in order.</summary>
    public IEnumerable<int> Numbers =>
        new[] { 1, PageNumber - 1, PageNumber, PageNumber + 1, LastPage }.Where(n => n >= 1 && n <= LastPage).Distinct().Order();

    /// <summary>How many pages <paramref name="total"/> rows make (at least one).</summary>
    public static int LastPageOf(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>"21–40 of 1,234 items" (or <paramref name="none"/> when there are none).</summary>
    public static string Range(int pageNumber, int pageSize, int total, string noun, string none) => total == 0
        ? none
        : string.Create(CultureInfo.GetCultureInfo("en-GB"), $"{(pageNumber - 1) * pageSize + 1:N0}–{Math.Min(pageNumber * pageSize, total):N0} of {total:N0} {noun}");

    /// <summary><paramref name="path"/> with the request's query string, some parameters changed (null removes one).</summary>
    public static string With(HttpRequest request, string path, params (string Key, string? Value)[] changes)
    {
        var values = request.Query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
        foreach (var (key, value) in changes) values[key] = value;
        var query = string.Join("&", values.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
