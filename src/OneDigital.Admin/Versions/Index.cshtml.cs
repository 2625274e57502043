// Why: editors need an item's history (who saved what, when, and which version is live) and a way from it to compare
// two versions or take an old one back.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Versions;

public sealed class VersionsModel(ContentQuery query) : ItemPage(query)
{
    /// <summary>Newest first.</summary>
    public IReadOnlyList<VersionRow> Rows { get; private set; } = [];

    /// <summary>Set after a restore: the number of the new draft.</summary>
    [BindProperty(SupportsGet = true, Name = "restored")]
    public int? Restored { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id, Permissions.EditContent) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var history = await Query.GetVersionHistoryAsync(id, ct);
        var versions = (await Query.GetVersionsAsync(id, ct)).ToDictionary(v => v.ContentItemVersionId, StringComparer.Ordinal);
        var rows = new List<VersionRow>(history.Count);
        for (var i = 0; i < history.Count; i++)
        {
            var previous = i == 0 ? null : versions.GetValueOrDefault(history[i - 1].ContentItemVersionId);
            var summary = versions.TryGetValue(history[i].ContentItemVersionId, out var version)
                ? VersionSummary.Describe(previous, version)
                : "";
            rows.Add(new VersionRow(history[i], summary));
        }
        rows.Reverse();
        Rows = rows;
        return Page();
    }

    /// <summary>The compare form: from the version before the latest to the latest, by default.</summary>
    public SelectField CompareField(string name, string label, int selectedIndex) =>
        new(name, label, [.. Rows.Select((r, i) => new Choice(r.Info.ContentItemVersionId, VersionLabel(r.Info)) { Selected = i == selectedIndex })]);

    public static string VersionLabel(ContentVersionInfo info) =>
        $"Version {info.Number}{(info.Published ? " (published)" : "")}{(info.Latest ? " (latest)" : "")}";

    public sealed record VersionRow(ContentVersionInfo Info, string Summary);
}
