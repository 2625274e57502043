// Why: deleting a query breaks whoever runs it (partners, a GraphQL field), so the page asks first and names it.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Queries;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Queries;

public sealed class DeleteModel(QueryDefinitions definitions, AuditTrail audit) : AdminPage
{
    [BindProperty(SupportsGet = true, Name = "query")]
    public string? QueryName { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageQueries) is { } refused) return refused;
        if (string.IsNullOrEmpty(QueryName) || await definitions.FindAsync(QueryName, HttpContext.RequestAborted) is not { } found) return NotFound();
        QueryName = found.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(Permissions.ManageQueries) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        if (string.IsNullOrEmpty(QueryName) || await definitions.FindAsync(QueryName, ct) is not { } found) return NotFound();
        await definitions.DeleteAsync(found.Name, ct);
        await audit.RecordAsync(new AuditEntry(AuditKind.QueryDeleted) { Detail = $"query '{found.Name}'" }, ct);
        return Redirect($"{QueryLinks.List}?deleted={Uri.EscapeDataString(found.Name)}");
    }
}
