// Why: the content model at a glance: each type with its stereotype, parts and how many items it has, and each part
// with the types that use it, so an administrator sees what a change would touch before making it.
using OneDigital.Admin.Security;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;
using Microsoft.AspNetCore.Mvc;

namespace OneDigital.Admin.ContentTypes;

public sealed class IndexModel(ContentDefinitionStore definitions, ContentQuery query) : AdminPage
{
    public IReadOnlyList<TypeRow> Types { get; private set; } = [];

    public IReadOnlyList<PartRow> Parts { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Removed { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var doc = await definitions.GetAsync(ct);
        var types = new List<TypeRow>();
        foreach (var type in doc.ContentTypes.OrderBy(t => t.DisplayName ?? t.Name, StringComparer.OrdinalIgnoreCase))
        {
            var items = await query.CountAsync(new ContentListRequest(type.Name) { Status = ContentStatus.Latest }, ct);
            types.Add(new TypeRow(type.Name, type.DisplayName ?? type.Name, type.TypeSettings.Stereotype,
                [.. type.Parts.Select(p => KnownParts.DisplayName(type, p))], items));
        }
        Types = types;
        Parts = [.. doc.ContentParts.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new PartRow(p.Name, p.Fields.Count,
                [.. doc.ContentTypes.Where(t => t.HasPart(p.Name)).Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase)]))];
        return Page();
    }

    public sealed record TypeRow(string Name, string DisplayName, string? Stereotype, IReadOnlyList<string> Parts, int Items);

    public sealed record PartRow(string Name, int Fields, IReadOnlyList<string> UsedBy);
}
