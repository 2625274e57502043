// Why: the admin's home answers an editor's first questions at a glance — how much there is and in what state,
// what goes live next, what changed lately, how much is published month by month — and tells an administrator
// what needs attention (failing webhooks, a search index behind), each part only to those who may act on it.
using System.Security.Claims;
using OneDigital.Admin.ContentItems;
using OneDigital.Admin.Scheduling;
using OneDigital.Admin.SearchIndexes;
using OneDigital.Admin.Security;
using OneDigital.Content.Definitions;
using OneDigital.Content.Html;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Security;
using OneDigital.Content.Webhooks;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.Dashboard;

public sealed class IndexModel(ContentDefinitionStore definitions, ContentQuery query, PermissionService permissions,
    ContentScope scope, ContentSchedule schedule, WritingFindingsQuery findings, WebhookEndpoints webhooks,
    SearchIndexStates indexStates, SiteTime siteTime, TimeProvider clock) : AdminPage
{
    private const int RecentCount = 10;
    private const int ScheduledCount = 5;

    public IReadOnlyList<TypeCount> Types { get; private set; } = [];

    public IReadOnlyList<ScheduledRow> ScheduledNext { get; private set; } = [];

    public IReadOnlyList<ContentItem> RecentChanges { get; private set; } = [];

    /// <summary>The last 12 months, oldest first: items of the visible types published in each.</summary>
    public IReadOnlyList<MonthCount> PublishedByMonth { get; private set; } = [];

    /// <summary>The same months as SVG markup of a bar chart (its text encoded; the table beside it holds the figures); null when none were published.</summary>
    public string? PublishedChartSvg { get; private set; }

    /// <summary>The last 12 months, oldest first, with the findings of the items published in each (still published).</summary>
    public IReadOnlyList<WritingMonth> WritingTrend { get; private set; } = [];

    /// <summary>Null when the user may not manage webhooks.</summary>
    public IReadOnlyList<FailingWebhook>? FailingWebhooks { get; private set; }

    /// <summary>Null when the user may not manage search indexes.</summary>
    public IReadOnlyList<SearchIndexState>? SearchIndexes { get; private set; }

    public SiteTime Time => siteTime;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        await CountTypesAsync(ct);
        await ReadScheduledAndRecentAsync(ct);
        await ReadMonthsAsync(ct);
        if (await permissions.IsGrantedAsync(User, Permissions.ManageWebhooks, ct: ct))
        {
            FailingWebhooks = await webhooks.FailingAsync(clock.GetUtcNow().UtcDateTime.AddDays(-7), ct);
        }
        if (await permissions.IsGrantedAsync(User, Permissions.ManageIndexes, ct: ct))
        {
            await ReadIndexLagAsync(ct);
        }
    }

    private async Task CountTypesAsync(CancellationToken ct)
    {
        var counts = await query.CountByTypeAsync(ct);
        var types = new List<TypeCount>();
        foreach (var type in (await definitions.GetAsync(ct)).ContentTypes.OrderBy(t => t.DisplayName ?? t.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (!await permissions.IsGrantedForTypeAsync(User, Permissions.ViewContent, type.Name, ct)) continue;
            var count = counts.GetValueOrDefault(type.Name) ?? new TypeStatusCounts(0, 0, 0, 0);
            types.Add(new TypeCount(type.Name, type.DisplayName ?? type.Name, count.Items, count.Published, count.Drafts, count.Scheduled));
        }
        Types = types;
    }

    // What the content list would show this user (its types, their own items where that is all they may see).
    private async Task ReadScheduledAndRecentAsync(CancellationToken ct)
    {
        var visible = await scope.TypesAsync(User, ct, unlistedToo: true);
        if (visible.Count == 0) return;
        var filter = await scope.FilterAsync(visible, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        RecentChanges = await query.ListAsync(new ContentListRequest(null)
        {
            Status = ContentStatus.Latest,
            Filter = filter,
            Sort = [new ContentSort.ByColumn(ContentColumn.ModifiedUtc, Descending: true)],
            Take = RecentCount,
        }, ct);

        var pending = await schedule.PendingAsync(0, 100, ct);
        if (pending.Count == 0) return;
        var ids = pending.Select(p => p.ContentItemId).Distinct().ToList();
        ContentFilter onlyThese = new ContentFilter.Column(ContentColumn.ContentItemId, FilterOperator.In, ids);
        var items = (await query.ListAsync(new ContentListRequest(null)
        {
            Status = ContentStatus.Latest,
            Filter = filter is null ? onlyThese : new ContentFilter.And([filter, onlyThese]),
        }, ct)).ToDictionary(i => i.ContentItemId);
        ScheduledNext = [.. pending.Where(p => items.ContainsKey(p.ContentItemId)).Take(ScheduledCount)
            .Select(p => new ScheduledRow(items[p.ContentItemId], p.Action, p.DueUtc, p.ScheduledByUserName))];
    }

    private async Task ReadMonthsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var first = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-11);
        var months = Enumerable.Range(0, 12).Select(i => first.AddMonths(i)).ToList();
        string[] typeNames = [.. Types.Select(t => t.Name)];

        var published = (await query.PublishedPerMonthAsync(typeNames, first, ct)).ToDictionary(m => (m.Year, m.Month));
        PublishedByMonth = [.. months.Select(m => published.GetValueOrDefault((m.Year, m.Month)) ?? new MonthCount(m.Year, m.Month, 0))];
        if (PublishedByMonth.Any(m => m.Count > 0))
        {
            var total = PublishedByMonth.Sum(m => m.Count);
            var busiest = PublishedByMonth.MaxBy(m => m.Count)!;
            PublishedChartSvg = BarChart.Svg("Items published per month: a bar chart",
                $"{total} items published in the last 12 months; the most, {busiest.Count}, in {MonthName(busiest)}.",
                [.. PublishedByMonth.Select(m => new BarChartRow(MonthName(m, "MMM yyyy"), m.Count, m.Count.ToString("N0", English)))],
                "published-chart", "admin-chart", labelWidth: 100);
        }

        var writing = (await findings.MonthlyAsync(typeNames, first, ct)).ToDictionary(m => (m.Year, m.Month));
        WritingTrend = [.. months.Select(m => writing.GetValueOrDefault((m.Year, m.Month)) ?? new WritingMonth(m.Year, m.Month, 0, 0, 0, 0))];
    }

    private async Task ReadIndexLagAsync(CancellationToken ct) => SearchIndexes = await indexStates.ListAsync(ct);

    public static string MonthName(MonthCount month, string format = "MMMM yyyy") =>
        new DateTime(month.Year, month.Month, 1).ToString(format, English);

    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public sealed record TypeCount(string Name, string DisplayName, int Items, int Published, int Drafts, int Scheduled);

    public sealed record ScheduledRow(ContentItem Item, ScheduledAction Action, DateTime DueUtc, string ScheduledBy);

}
