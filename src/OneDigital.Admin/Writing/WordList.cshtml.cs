// Why: the plain-English word list is the site's own (editors know their readers' words); it is kept in the site
// settings document as text, one "word = suggestion" a line, and a list with a line it cannot read is not saved.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Security;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.Writing;

public sealed class WordListModel(WritingSettings settings) : AdminPage
{
    public const string Path = "/admin/writing/words";

    [BindProperty]
    public string Words { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageSettings) is { } refused) return refused;
        Words = await settings.GetWordsTextAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action)
    {
        if (await DemandAsync(Permissions.ManageSettings) is { } refused) return refused;
        var errors = await settings.SaveWordsTextAsync(action == "default" ? "" : Words, HttpContext.RequestAborted);
        if (errors.Count == 0) return Redirect(Path + "?saved=1");
        Saved = null;
        foreach (var error in errors.Take(10)) ModelState.AddModelError(nameof(Words), error);
        return Page();
    }
}
