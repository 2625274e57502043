// Why: the admin's home: how much content of each type there is (published and in all), for the types the editor may
// see, read through ContentQuery like every other reader.
using OneDigital.Admin.Security;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Dashboard;

public sealed class IndexModel(ContentDefinitionStore definitions, ContentQuery query, PermissionService permissions) : AdminPage
{
    public IReadOnlyList<TypeCount> Types { get; private set; } = [];

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
    }

    public sealed record TypeCount(string Name, string DisplayName, int Items, int Published);
}
