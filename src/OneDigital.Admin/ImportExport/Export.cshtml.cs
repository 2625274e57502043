// Why: an administrator's copy of the site (or of the parts they choose) as an Orchard recipe, written by the same
// exporter as the CLI's export verb, so it imports here or into Orchard.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Recipes.Export;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.ImportExport;

public sealed class ExportModel(RecipeExporter exporter, ContentDefinitionStore definitions, AuditTrail audit, StoreOptions store) : AdminPage
{
    public const string KindsField = "kinds";
    public const string TypesField = "types";

    private static readonly Dictionary<string, string> KindLabels = new(StringComparer.Ordinal)
    {
        ["features"] = "Enabled features",
        ["themes"] = "Themes",
        ["roles"] = "Roles and their permissions",
        [RecipeExportSelection.Definitions] = "Content types and parts (the content definitions)",
        [RecipeExportSelection.Content] = "Content items, of the content types chosen below",
        ["settings"] = "Site settings",
        ["queries"] = "Stored queries",
        ["index-profiles"] = "Search index profiles",
        ["webhooks"] = "Webhooks, with their secrets",
        [RecipeExportSelection.StoredSteps] = "Steps kept from imported recipes (templates, admin menu, layers and others this CMS stores)",
    };

    [BindProperty(Name = KindsField)]
    public List<string> Kinds { get; set; } = [];

    [BindProperty(Name = TypesField)]
    public List<string> Types { get; set; } = [];

    public CheckboxesField KindsCheckboxes { get; private set; } = null!;

    public CheckboxesField TypesCheckboxes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.Export) is { } refused) return refused;
        await BuildFormAsync(everything: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? scope)
    {
        if (await DemandAsync(Permissions.Export) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var selection = RecipeExportSelection.Everything;
        if (scope != "all")
        {
            var known = exporter.Kinds.ToHashSet(StringComparer.Ordinal);
            var kinds = Kinds.Where(known.Contains).ToHashSet(StringComparer.Ordinal);
            var allTypes = await TypeNamesAsync(ct);
            var types = Types.Where(allTypes.Contains).ToHashSet(StringComparer.Ordinal);
            if (kinds.Count == 0) ModelState.AddModelError(KindsField, "Select what to export");
            else if (kinds.Contains(RecipeExportSelection.Content) && types.Count == 0) ModelState.AddModelError(TypesField, "Select the content types whose items to export");
            if (!ModelState.IsValid)
            {
                await BuildFormAsync(everything: false);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            // Every type chosen: items of types no definition names (kept from imports) go too.
            selection = new RecipeExportSelection { Kinds = kinds, ContentTypes = types.Count == allTypes.Count ? null : types };
        }
        // Written to a file first, as the CLI writes it: the exporter's JSON writer flushes synchronously, which the
        // response refuses, and a failed export is then an error page rather than half a download.
        var folder = Path.Combine(store.DataDir, "AdminExports");
        Directory.CreateDirectory(folder);
        await using var file = new FileStream(Path.Combine(folder, $"{Guid.NewGuid():N}.recipe.json"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await exporter.WriteAsync(file, selection, ct);
        await audit.RecordAsync(new AuditEntry(AuditKind.Exported) { Detail = Describe(selection) }, ct);
        file.Position = 0;
        Response.ContentType = "application/json; charset=utf-8";
        Response.ContentLength = file.Length;
        Response.Headers.ContentDisposition = $"attachment; filename=\"onedigital-{DateTime.UtcNow:yyyyMMdd-HHmm}.recipe.json\"";
        Response.Headers.CacheControl = "no-store";
        await file.CopyToAsync(Response.Body, ct);
        return new EmptyResult();
    }

    private static string Describe(RecipeExportSelection selection) => selection.Kinds is null
        ? "the whole site"
        : $"{string.Join(", ", selection.Kinds.Order())}{(selection.ContentTypes is { } types && selection.Kinds.Contains(RecipeExportSelection.Content) ? $"; items of {string.Join(", ", types.Order())}" : "")}";

    private async Task<HashSet<string>> TypeNamesAsync(CancellationToken ct) =>
        (await definitions.GetAsync(ct)).ContentTypes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

    private async Task BuildFormAsync(bool everything)
    {
        var types = (await definitions.GetAsync(HttpContext.RequestAborted)).ContentTypes.OrderBy(t => t.DisplayName ?? t.Name, StringComparer.OrdinalIgnoreCase);
        KindsCheckboxes = new CheckboxesField(KindsField, "What to export",
            [.. exporter.Kinds.Distinct().Select(k => new Choice(k, KindLabels.GetValueOrDefault(k, k)) { Selected = everything || Kinds.Contains(k) })]);
        TypesCheckboxes = new CheckboxesField(TypesField, "Content items of these types",
            [.. types.Select(t => new Choice(t.Name, t.DisplayName ?? t.Name) { Selected = everything || Types.Contains(t.Name) })])
        {
            Hint = "Only when content items are chosen above. A list's items (a blog's posts) need their list (the blog) too.",
            Small = true,
        };
    }
}
