// Why: the admin's home: how much content of each type there is (published and in all), for the types the editor may
// see, read through ContentQuery like every other reader.
using OneDigital.Admin.Security;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.Dashboard;

public sealed class IndexModel(ContentDefinitionStore definitions, ContentQuery query, PermissionService permissions,
    WritingFindingsQuery findings, TimeProvider clock) : AdminPage
{
    public IReadOnlyList<TypeCount> Types { get; private set; } = [];

    /// <summary>The last 12 months, oldest first, with the findings of the items published in each (still published).</summary>
    public IReadOnlyList<WritingMonth> WritingTrend { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var types = new List<TypeCount>();
        foreach (var type in (await definitions.GetAsync(ct)).ContentTypes.OrderBy(t => t.DisplayName ?? t.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (!await permissions.IsGrantedForTypeAsync(User, Permissions.ViewContent, type.Name, ct)) continue;
            var latest = await query.CountAsync(new ContentListRequest(type.Name) { Status = ContentStatus.Latest }, ct);
            var published = await query.CountAsync(new ContentListRequest(type.Name) { Status = ContentStatus.Published }, ct);
            types.Add(new TypeCount(type.Name, type.DisplayName ?? type.Name, latest, published));
        }
        Types = types;
        var now = clock.GetUtcNow().UtcDateTime;
        var first = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-11);
        var months = (await findings.MonthlyAsync([.. types.Select(t => t.Name)], first, ct)).ToDictionary(m => (m.Year, m.Month));
        WritingTrend = [.. Enumerable.Range(0, 12).Select(i => first.AddMonths(i))
            .Select(m => months.GetValueOrDefault((m.Year, m.Month)) ?? new WritingMonth(m.Year, m.Month, 0, 0, 0, 0))];
    }

    public sealed record TypeCount(string Name, string DisplayName, int Items, int Published);
}
