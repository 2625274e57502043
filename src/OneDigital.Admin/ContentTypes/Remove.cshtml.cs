// Why: removing a type that items still use must be a deliberate act: the page names how many items use it and the
// removal is refused unless the administrator confirms. The items are not deleted: like items of a type no definition
// names after an import, they stay in the store as they are (exported unchanged) and leave the content list, the
// editor and GraphQL (the readers' site still shows a published one plainly); the type's own part keeps its fields,
// so creating a type of the same name brings them back.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ContentTypes;

public sealed class RemoveModel(ContentDefinitionStore definitions, ContentQuery query, ContentTypeChanges changes) : AdminPage
{
    public const string ConfirmField = "Confirm";

    public ContentTypeDefinition Type { get; private set; } = null!;

    public int Items { get; private set; }

    public int Published { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(string type)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        return await LoadAsync(type) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string type)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        if (!await LoadAsync(type, keepVersion: true)) return NotFound();
        if (Items > 0 && Confirm != "true")
        {
            ModelState.AddModelError(ConfirmField, $"Confirm that you want to remove {Type.Name} although {ItemsText} use it.");
            return Page();
        }
        var name = Type.Name;
        var error = await changes.ApplyAsync(Version, AuditKind.ContentTypeRemoved, name, $"Removed the content type {name}; {ItemsText} kept in the store", doc =>
        {
            if (doc.Type(name) is null) throw new ContentDefinitionException($"The content type {name} no longer exists.");
            doc.RemoveType(name);
        }, HttpContext.RequestAborted);
        if (error is null) return Redirect($"{ContentTypeLinks.List}?removed={Uri.EscapeDataString(name)}");
        ModelState.AddModelError("", error);
        await LoadAsync(type);
        return Page();
    }

    public string ItemsText => Items == 1 ? "1 item" : $"{Items} items";

    public CheckboxesField ConfirmBox() => new(ConfirmField, "Confirm",
        [new Choice("true", $"Yes, remove {Type.DisplayName ?? Type.Name} although {ItemsText} use it") { Selected = Confirm == "true" }]);

    private async Task<bool> LoadAsync(string type, bool keepVersion = false)
    {
        var ct = HttpContext.RequestAborted;
        var doc = await definitions.GetAsync(ct);
        if (doc.Type(type) is not { } found) return false;
        Type = found;
        Items = await query.CountAsync(new ContentListRequest(found.Name) { Status = ContentStatus.Latest }, ct);
        Published = await query.CountAsync(new ContentListRequest(found.Name) { Status = ContentStatus.Published }, ct);
        if (!keepVersion) Version = doc.Version;
        return true;
    }
}
