// Why: a folder is renamed or moved with everything in it (the files' rows follow), and deleted only when empty,
// so no file disappears with a folder by accident.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Library;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Media;

public sealed class MediaFolderModel(MediaLibrary library) : AdminPage
{
    [BindProperty(SupportsGet = true, Name = "path")] public string? FolderPath { get; set; }
    [BindProperty(Name = "parent")] public string? Parent { get; set; }
    [BindProperty(Name = "name")] public string? Name { get; set; }

    public string Folder { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        if (!await LoadAsync()) return NotFound();
        Parent = MediaPaths.Parent(Folder);
        Name = MediaPaths.Name(Folder);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        if (!await LoadAsync()) return NotFound();
        try
        {
            var moved = await library.MoveFolderAsync(Folder, Parent ?? "", Name, HttpContext.RequestAborted);
            return Redirect(MediaLinks.Folder(moved));
        }
        catch (MediaException e)
        {
            ModelState.AddModelError("name", e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        if (!await LoadAsync()) return NotFound();
        try
        {
            await library.DeleteFolderAsync(Folder, HttpContext.RequestAborted);
            return Redirect(MediaLinks.Folder(MediaPaths.Parent(Folder)));
        }
        catch (MediaException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Parent ??= MediaPaths.Parent(Folder);
            Name ??= MediaPaths.Name(Folder);
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Folder = MediaPaths.File(FolderPath);
            return (await library.ListAsync(Folder, HttpContext.RequestAborted)) is not null;
        }
        catch (MediaException)
        {
            return false;
        }
    }

    public TextInputField ParentField() => new("parent", "Inside folder") { Value = Parent, Hint = "A folder path such as reports/2026; empty for the top of the library", Spellcheck = false, Autocomplete = "off" };

    public TextInputField NameField() => new("name", "Folder name") { Value = Name, Hint = "Letters, digits and hyphens", Spellcheck = false, Autocomplete = "off", WidthClass = "govuk-input--width-20" };
}
