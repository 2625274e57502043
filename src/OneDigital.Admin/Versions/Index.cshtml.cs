// Why: editors need an item's history (who saved what, when, and which version is live) and a way from it to compare
// two versions or take an old one back.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;
using OneDigital.Admin.Shared.Paging;

namespace OneDigital.Admin.Versions;

public sealed class VersionsModel(ContentQuery query) : ItemPage(query)
{
    public const int PageSize = 20;

    /// <summary>This page's versions, newest first.</summary>
    public IReadOnlyList<VersionRow> Rows { get; private set; } = [];

    /// <summary>Every version, newest first, without documents: the compare form offers them all.</summary>
    public IReadOnlyList<ContentVersionInfo> History { get; private set; } = [];

    /// <summary>Set after a restore: the number of the new draft.</summary>
    [BindProperty(SupportsGet = true, Name = "restored")]
    public int? Restored { get; set; }

    // Not "page": Razor Pages routes by that name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int PageCount => Math.Max(1, (History.Count + PageSize - 1) / PageSize);

    /// <summary>"21–40 of 45": the versions this page shows, counted newest first.</summary>
    public string Range => History.Count == 0 ? "0"
        : $"{(PageNumber - 1) * PageSize + 1:N0}–{(PageNumber - 1) * PageSize + Rows.Count:N0} of {History.Count:N0}";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id, Permissions.EditContent) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var oldestFirst = await Query.GetVersionHistoryAsync(id, ct);
        History = [.. oldestFirst.Reverse()];
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = History.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        // The summary of the page's oldest row compares it with the version before it, on the next page.
        var predecessor = page.Count > 0 && page[^1].Number > 1 ? oldestFirst[page[^1].Number - 2] : null;
        var wanted = page.Select(v => v.ContentItemVersionId).Concat(predecessor is null ? [] : [predecessor.ContentItemVersionId]).ToList();
        var documents = await Query.GetVersionsByIdAsync(wanted, ct);
        var rows = new List<VersionRow>(page.Count);
        foreach (var info in page)
        {
            var previous = info.Number > 1 ? documents.GetValueOrDefault(oldestFirst[info.Number - 2].ContentItemVersionId) : null;
            var summary = documents.TryGetValue(info.ContentItemVersionId, out var version) ? VersionSummary.Describe(previous, version) : "";
            rows.Add(new VersionRow(info, summary));
        }
        Rows = rows;
        return Page();
    }

    /// <summary>The link to another page of the history.</summary>
    public string PageLink(int page) => PageLinks.With(Request, PathOf(Item.ContentItemId, "versions"), ("p", page.ToString()), ("restored", null));

    /// <summary>The compare form: from the version before the latest to the latest, by default.</summary>
    public SelectField CompareField(string name, string label, int selectedIndex) =>
        new(name, label, [.. History.Select((v, i) => new Choice(v.ContentItemVersionId, VersionLabel(v)) { Selected = i == selectedIndex })]);

    public static string VersionLabel(ContentVersionInfo info) =>
        $"Version {info.Number}{(info.Published ? " (published)" : "")}{(info.Latest ? " (latest)" : "")}";

    public sealed record VersionRow(ContentVersionInfo Info, string Summary);
}
