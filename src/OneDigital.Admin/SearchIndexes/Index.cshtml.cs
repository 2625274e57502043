// Why: an administrator sees at a glance whether every search index is healthy and keeping up with the store.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;

namespace OneDigital.Admin.SearchIndexes;

public sealed class SearchIndexesModel(SearchIndexStates states) : AdminPage
{
    public IReadOnlyList<SearchIndexState> Indexes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(SearchIndexPermissions.Manage) is { } refused) return refused;
        Indexes = await states.ListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
