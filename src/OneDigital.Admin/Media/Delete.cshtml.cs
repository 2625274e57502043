// Why: deleting a file breaks every page and field that uses it, so the confirmation page lists them first; the
// delete itself is a POST.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Items;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Library;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Media;

public sealed class MediaDeleteModel(MediaLibrary library) : AdminPage
{
    [BindProperty(SupportsGet = true, Name = "path")] public string? FilePath { get; set; }

    public MediaItem Item { get; private set; } = null!;
    public IReadOnlyList<ContentItem> UsedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(FilePath)) return NotFound();
        try
        {
            if (await library.GetAsync(FilePath, HttpContext.RequestAborted) is not { } item) return NotFound();
            Item = item;
            UsedBy = await library.WhereUsedAsync(item.Path, ct: HttpContext.RequestAborted);
        }
        catch (MediaException)
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        try
        {
            var path = MediaPaths.File(FilePath);
            await library.DeleteAsync(path, HttpContext.RequestAborted);
            return Redirect(MediaLinks.Folder(MediaPaths.Parent(path)));
        }
        catch (MediaException e) when (e.Status == 404)
        {
            // Already gone (a second click, another editor): the outcome asked for holds.
            return Redirect(MediaLinks.Library);
        }
    }
}
