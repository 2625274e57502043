// Why: editors fix what readers meet most: published items with findings across the site, worst first, from the counts
// stored at publish (WritingFindingsQuery), limited to what the content list would show them (ContentScope).
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.ContentItems;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Paging;
using OneDigital.Content.Security;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.Writing;

public sealed class ReportModel(ContentScope scope, WritingFindingsQuery findings) : AdminPage
{
    public const string Path = "/admin/writing";
    public const int PageSize = 20;

    /// <summary>Items checked per press of the button, each batch in one transaction, so a request stays short.</summary>
    public const int CheckBatchSize = 200;

    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<VisibleType> Types { get; private set; } = [];
    public IReadOnlyList<WritingFindingCounts> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Unchecked { get; private set; }
    public bool MayCheck { get; private set; }

    [TempData] public string? Banner { get; set; }

    public int LastPage => PageLinks.LastPageOf(Total, PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Types = await scope.TypesAsync(User, ct, unlistedToo: true);
        var shown = Types;
        if (!string.IsNullOrEmpty(Type))
        {
            shown = [.. Types.Where(t => string.Equals(t.Name, Type, StringComparison.Ordinal))];
            if (shown.Count == 0) return new ForbiddenResult();
        }
        MayCheck = await IsGrantedAsync(Permissions.PublishContent);
        if (MayCheck) Unchecked = await findings.CountUncheckedAsync(ct);
        if (shown.Count == 0) return Page();
        var request = new WritingReportRequest(
            [.. shown.Where(t => t.AllItems).Select(t => t.Name)],
            [.. shown.Where(t => !t.AllItems).Select(t => t.Name)],
            User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            Sort = Sort == "type" ? WritingReportSort.Type : WritingReportSort.Severity,
            Take = PageSize,
        };
        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await findings.ListAsync(request with { Skip = (PageNumber - 1) * PageSize }, ct);
        if (PageNumber > LastPage)
        {
            PageNumber = LastPage;
            (Rows, Total) = await findings.ListAsync(request with { Skip = (PageNumber - 1) * PageSize }, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (await DemandAsync(Permissions.PublishContent) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var checkedCount = (await findings.CheckUncheckedAsync(CheckBatchSize, ct: ct)).Recorded;
        var left = await findings.CountUncheckedAsync(ct);
        Banner = string.Create(CultureInfo.InvariantCulture, $"Checked {checkedCount:N0} published {(checkedCount == 1 ? "item" : "items")}.")
            + (left > 0 ? string.Create(CultureInfo.InvariantCulture, $" {left:N0} {(left == 1 ? "is" : "are")} still to check.") : "");
        return Redirect(Path);
    }

    public string TypeName(string type) => Types.FirstOrDefault(t => t.Name == type)?.DisplayName ?? type;

    /// <summary>This report's address with some parameters changed (null removes one).</summary>
    public string With(params (string Key, string? Value)[] changes) => PageLinks.With(Request, Path, changes);

    public string Range() => PageLinks.Range(PageNumber, PageSize, Total, "items with findings", "No published items with findings");
}
