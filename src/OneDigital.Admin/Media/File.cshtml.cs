// Why: one file's page: what it is (size, dimensions, type, who uploaded it and when), where it is used, its default
// alt text or "decorative", and the changes that keep links working (replace keeps the URL) or warn first (delete).
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Library;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Media;

public sealed class MediaFileModel(MediaLibrary library) : AdminPage
{
    [BindProperty(SupportsGet = true, Name = "path")] public string? FilePath { get; set; }
    [BindProperty(Name = "alt")] public string? AltText { get; set; }
    [BindProperty(Name = "decorative")] public bool Decorative { get; set; }
    [BindProperty(Name = "moveFolder")] public string? MoveFolder { get; set; }
    [BindProperty(Name = "moveName")] public string? MoveName { get; set; }
    [BindProperty(SupportsGet = true, Name = "saved")] public string? Saved { get; set; }

    public MediaItem Item { get; private set; } = null!;
    public IReadOnlyList<ContentItem> UsedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        if (!await LoadAsync()) return NotFound();
        AltText = Item.Asset?.AltText;
        Decorative = Item.Asset?.Decorative ?? false;
        MoveFolder = MediaPaths.Parent(Item.Path);
        MoveName = Item.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostTextAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        if (!await LoadAsync()) return NotFound();
        if (!Decorative && string.IsNullOrWhiteSpace(AltText) && Item.IsImage)
        {
            ModelState.AddModelError("alt", "Enter what the image shows, or say it is decorative");
        }
        return await SaveAsync(() => library.SetTextAsync(Item.Path, AltText, Decorative, HttpContext.RequestAborted), Item.Path, "text");
    }

    public async Task<IActionResult> OnPostReplaceAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        if (!await LoadAsync()) return NotFound();
        var file = Request.Form.Files.GetFile("replacement");
        if (file is null || string.IsNullOrEmpty(file.FileName)) ModelState.AddModelError("replacement", "Select the file to replace this one with");
        return await SaveAsync(async () =>
        {
            await using var stream = file!.OpenReadStream();
            await library.ReplaceAsync(Item.Path, file.FileName, stream, HttpContext.RequestAborted);
        }, Item.Path, "replaced", "replacement");
    }

    public async Task<IActionResult> OnPostMoveAsync()
    {
        if (await DemandAsync(Permissions.ManageMedia) is { } refused) return refused;
        if (!await LoadAsync()) return NotFound();
        string? moved = null;
        return await SaveAsync(async () => moved = await library.MoveAsync(Item.Path, MoveFolder ?? "", MoveName, HttpContext.RequestAborted),
            null, "moved", "moveName", () => moved!);
    }

    private async Task<bool> LoadAsync()
    {
        if (string.IsNullOrWhiteSpace(FilePath)) return false;
        try
        {
            if (await library.GetAsync(FilePath, HttpContext.RequestAborted) is not { } item) return false;
            Item = item;
            UsedBy = await library.WhereUsedAsync(item.Path, ct: HttpContext.RequestAborted);
            return true;
        }
        catch (MediaException)
        {
            return false;
        }
    }

    private async Task<IActionResult> SaveAsync(Func<Task> change, string? path, string saved, string errorField = "alt", Func<string>? newPath = null)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await change();
                return Redirect(MediaLinks.File(path ?? newPath!()) + "&saved=" + saved);
            }
            catch (MediaException e)
            {
                ModelState.AddModelError(errorField, e.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public TextareaField AltField() => new("alt", "Alternative text")
    {
        Value = AltText,
        Rows = 3,
        Hint = "What the image shows, for people who cannot see it. A media field may give its own text where the image is used.",
    };

    public CheckboxesField DecorativeField() => new("decorative", "Decorative",
        [new Choice("true", "The image is decorative: screen readers skip it") { Selected = Decorative }]);

    public TextInputField MoveFolderField() => new("moveFolder", "Folder") { Value = MoveFolder, Hint = "A folder path such as reports/2026; empty for the top of the library", Spellcheck = false, Autocomplete = "off" };

    public TextInputField MoveNameField() => new("moveName", "File name") { Value = MoveName, Hint = "Keep the extension", Spellcheck = false, Autocomplete = "off" };
}
