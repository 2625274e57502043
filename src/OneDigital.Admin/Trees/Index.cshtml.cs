// Why: taxonomies are listed in the content list but menus are not (Orchard's Menu type is not Listable), so one page
// lists every taxonomy and menu the editor may edit, each linked to its tree, and makes the site's menu when there is
// none yet (the Menu type exists once the OrchardCore.Menu feature is enabled).
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Liquid;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Trees;

public sealed class IndexModel(ContentQuery query, ContentManager manager, ContentDefinitionStore definitions) : AdminPage
{
    public const string Path = "/admin/trees";
    public const string MenuNameField = "menuName";

    /// <summary>Items read at most: a site has a handful of taxonomies and menus.</summary>
    private const int MaxItems = 200;

    public IReadOnlyList<ContentItem> Taxonomies { get; private set; } = [];

    public IReadOnlyList<ContentItem> Menus { get; private set; } = [];

    /// <summary>Whether the Menu type exists and the editor may create menus.</summary>
    public bool MayAddMenu { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.EditContent) is { } refused) return refused;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(Permissions.EditContent) is { } refused) return refused;
        await LoadAsync();
        if (!MayAddMenu) return new ForbiddenResult();
        var name = Request.Form[MenuNameField].ToString().Trim();
        if (name.Length is 0 or > 255)
        {
            ModelState.AddModelError(MenuNameField, name.Length == 0 ? "Enter the menu's name" : "Names must be 255 characters or fewer");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var menu = await manager.NewAsync("Menu", HttpContext.RequestAborted);
        menu.DisplayText = name;
        menu.GetOrCreatePart("TitlePart")["Title"] = name;
        menu.GetOrCreatePart("MenuItemsListPart")["MenuItems"] = new System.Text.Json.Nodes.JsonArray();
        // The alias is how the site finds its menu: "Main menu" becomes "main-menu", the section navigation's.
        var alias = Slug.From(name);
        if (alias.Length > 0 && await query.GetByAliasAsync(alias, latest: true, HttpContext.RequestAborted) is null)
        {
            menu.GetOrCreatePart("AliasPart")["Alias"] = alias;
        }
        await manager.CreateAsync(menu, publish: true, HttpContext.RequestAborted);
        return Redirect(TreeLinks.Tree(menu.ContentItemId));
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Taxonomies = await EditableAsync("Taxonomy", ct);
        Menus = await EditableAsync("Menu", ct);
        MayAddMenu = await definitions.GetTypeAsync("Menu", ct) is not null && await IsGrantedAsync(Permissions.PublishContent);
    }

    private async Task<IReadOnlyList<ContentItem>> EditableAsync(string type, CancellationToken ct)
    {
        var items = await query.ListAsync(new ContentListRequest(type) { Status = ContentStatus.Latest, Sort = [], Take = MaxItems }, ct);
        var editable = new List<ContentItem>();
        foreach (var item in items.OrderBy(i => i.DisplayText, StringComparer.CurrentCultureIgnoreCase))
        {
            if (await IsGrantedAsync(Permissions.EditContent, item)) editable.Add(item);
        }
        return editable;
    }
}
