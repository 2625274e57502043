// Why: editors find, upload and organise the site's files in one page: a folder's subfolders and files (grid or
// list), a name search across the library, an upload form taking several files (a plain multipart form, so it works
// without JavaScript) and a form to add a folder. Every refused file is named with its reason; the others are kept.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Library;
using OneDigital.Content.Media.Uploads;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Media;

public sealed class MediaIndexModel(MediaLibrary library, MediaStore uploads, UploadCheck check) : AdminPage
{
    public const int SearchResults = 100;

    [BindProperty(SupportsGet = true, Name = "folder")] public string? Folder { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "view")] public string? View { get; set; }
    [BindProperty(SupportsGet = true, Name = "uploaded")] public int Uploaded { get; set; }
    [BindProperty(Name = "name")] public string? NewFolderName { get; set; }

    public MediaFolderView Listing { get; private set; } = new("", [], []);
    public IReadOnlyList<MediaItem>? Found { get; private set; }
    public IReadOnlyList<string> Saved { get; private set; } = [];
    public bool Grid => View != "list";
    public string AllowedTypes => check.AllowedTypesText;
    public string MaxSize => MediaLinks.Size(check.LargestLimit);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        var files = Request.Form.Files.GetFiles("files");
        var saved = new List<string>();
        if (files.Count == 0 || files.All(f => f.Length == 0 && string.IsNullOrEmpty(f.FileName))) ModelState.AddModelError("files", "Select one or more files to upload");
        foreach (var file in files.Where(f => !string.IsNullOrEmpty(f.FileName)))
        {
            try
            {
                await using var stream = file.OpenReadStream();
                saved.Add((await uploads.UploadAsync(Folder ?? "", file.FileName, stream, HttpContext.RequestAborted)).Path);
            }
            catch (MediaException e)
            {
                ModelState.AddModelError("files", $"{file.FileName}: {e.Message}");
            }
        }
        if (ModelState.IsValid) return Redirect(MediaLinks.Folder(Folder ?? "") + (Folder is { Length: > 0 } ? "&" : "?") + $"uploaded={saved.Count}");
        Saved = saved;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostFolderAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        try
        {
            var created = await library.CreateFolderAsync(Folder, NewFolderName, HttpContext.RequestAborted);
            return Redirect(MediaLinks.Folder(created));
        }
        catch (MediaException e) when (e.Status != 404)
        {
            ModelState.AddModelError("name", e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync();
        }
    }

    private async Task<IActionResult> ShowAsync()
    {
        try
        {
            Listing = await library.ListAsync(Folder, HttpContext.RequestAborted);
        }
        catch (MediaException)
        {
            return NotFound();
        }
        if (!string.IsNullOrWhiteSpace(Search)) Found = await library.SearchAsync(Listing.Folder, Search, SearchResults, ct: HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The folder's ancestors from the root, each with its name, for the breadcrumbs.</summary>
    public IEnumerable<(string Path, string Name)> Trail()
    {
        yield return ("", "Media library");
        if (Listing.Folder.Length == 0) yield break;
        var segments = Listing.Folder.Split('/');
        for (var i = 0; i < segments.Length; i++) yield return (string.Join('/', segments[..(i + 1)]), segments[i]);
    }

    public TextInputField SearchField() => new("q", "Search by file name") { Value = Search, Spellcheck = false, Autocomplete = "off", Type = "search" };

    public TextInputField FolderNameField() => new("name", "Folder name") { Value = NewFolderName, Hint = "Letters, digits and hyphens; spaces become hyphens", WidthClass = "govuk-input--width-20", Autocomplete = "off" };
}
