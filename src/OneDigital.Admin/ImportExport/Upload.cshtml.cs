// Why: the start of an import: the file goes up once, is tried straight away (the dry run), and the administrator
// lands on that import's page with the report.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ImportExport;

public sealed class UploadModel(RecipeImports imports) : AdminPage
{
    public const string FileField = "recipe";

    public IReadOnlyList<RecipeImport> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.Import) is { } refused) return refused;
        Recent = imports.Recent();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = FileField)] IFormFile? recipe)
    {
        if (await DemandAsync(Permissions.Import) is { } refused) return refused;
        if (recipe is null)
        {
            ModelState.AddModelError(FileField, "Select a recipe file");
        }
        else
        {
            try
            {
                var import = await imports.UploadAsync(recipe, User, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
                return Redirect(ImportLinks.Import(import.Id));
            }
            catch (RecipeUploadException ex)
            {
                ModelState.AddModelError(FileField, ex.Message);
            }
        }
        Recent = imports.Recent();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
