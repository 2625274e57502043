// Why: the stored queries at a glance: what each runs on and what it returns, with its edit, run and delete pages.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Security;
using OneDigital.Search.Queries;

namespace OneDigital.Admin.Queries;

public sealed class IndexModel(StoredQueries queries) : AdminPage
{
    public IReadOnlyList<StoredQuery> Queries { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Deleted { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageQueries) is { } refused) return refused;
        Queries = [.. (await queries.ListAsync(HttpContext.RequestAborted)).OrderBy(q => q.Name, StringComparer.OrdinalIgnoreCase)];
        return Page();
    }
}
