// Why: import-progress.mjs polls this while an import runs, so the page says how far it got and reloads when it ends.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ImportExport;

public sealed class StatusModel(RecipeImports imports) : AdminPage
{
    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await DemandAsync(Permissions.Import) is { } refused) return refused;
        if (imports.Find(id) is not { } import) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            stage = import.Stage.ToString(),
            running = import.IsRunning,
            step = import.Result?.CurrentStep,
            itemsWritten = import.Result?.ItemsWritten ?? 0,
            message = ImportProgress.Describe(import),
        });
    }
}
