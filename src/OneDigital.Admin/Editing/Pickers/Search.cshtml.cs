// Why: the pickers' and the Tags editor's scripts ask as the editor types. One small JSON answer per field, read from
// the field's own settings (so a script cannot widen what is offered) and through Pickers/PickerSearch (so it offers
// exactly what the no-script Search button would). Only editors of the type may ask: EditOwnContent for it, the
// least that opens its editor. A GET changes nothing, so it needs no antiforgery token.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Editing.Pickers;

public sealed class SearchModel(ContentDefinitionStore definitions, PickerSearch search, Content.Querying.ContentQuery query, PermissionService permissions) : AdminPage
{
    /// <summary>The answer: up to <see cref="PickerSearch.Limit"/> matches.</summary>
    public sealed record Match(string Id, string Text, string? Type, string? Status);

    public async Task<IActionResult> OnGetAsync(string type, string part, string field, string? q)
    {
        var ct = HttpContext.RequestAborted;
        var document = await definitions.GetAsync(ct);
        var partName = document.Type(type)?.Part(part)?.PartName;
        if (partName is null || document.Part(partName)?.Field(field) is not { Kind: FieldKind.ContentPicker or FieldKind.UserPicker or FieldKind.Taxonomy } definition)
            return NotFound();
        if (!await permissions.IsGrantedForTypeAsync(User, Permissions.EditOwnContent, type, ct)) return new ForbiddenResult();
        var except = (string[])[.. Request.Query["except"].OfType<string>()];
        IReadOnlyList<PickerOption> found = definition.Kind switch
        {
            FieldKind.ContentPicker => await search.ItemsAsync(User, document,
                PickerSearch.AllowedTypes(definition.GetSettings<ContentPickerFieldSettings>(), document), q, except, ct),
            FieldKind.UserPicker => await search.UsersAsync(definition.GetSettings<UserPickerFieldSettings>(), q, except, ct),
            FieldKind.Taxonomy => await TermsAsync(definition.GetSettings<TaxonomyFieldSettings>(), q, ct),
            _ => [],
        };
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { results = found.Select(o => new Match(o.Id, o.Text, o.Type, o.Status)) });
    }

    /// <summary>The taxonomy's terms whose name contains the text, in the taxonomy's order.</summary>
    private async Task<IReadOnlyList<PickerOption>> TermsAsync(TaxonomyFieldSettings settings, string? text, CancellationToken ct)
    {
        if (settings.TaxonomyContentItemId is not { Length: > 0 } id || await query.GetLatestAsync(id, ct) is not { } taxonomy) return [];
        var words = text?.Trim() ?? "";
        return [.. new TagTaxonomy(taxonomy, false).Terms
            .Select(t => new PickerOption((string?)t["ContentItemId"] ?? "", (string?)t["DisplayText"] ?? ""))
            .Where(t => t.Text.Contains(words, StringComparison.OrdinalIgnoreCase))
            .Take(PickerSearch.Limit)];
    }
}
