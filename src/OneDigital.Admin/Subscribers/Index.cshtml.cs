// Why: the people who asked for the e-bulletin, newest first, narrowed by status and by text in the address. Filters
// are a GET form, so a filtered page is a link and works without JavaScript; the whole list downloads as CSV.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Bulletin;
using OneDigital.Content.Security;
using OneDigital.Admin.Shared.Paging;

namespace OneDigital.Admin.Subscribers;

public sealed class SubscribersModel(BulletinSubscribers subscribers) : AdminPage
{
    public const string Path = AdminServices.PathPrefix + "/subscribers";
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "text")] public string? Text { get; set; }
    // Not "page": Razor Pages routes by that name.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Set after an erasure, to say it happened.</summary>
    [BindProperty(SupportsGet = true, Name = "erased")] public bool Erased { get; set; }

    public BulletinSubscriberPage? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageBulletinSubscribers) is { } refused) return refused;
        BulletinStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (Enum.TryParse<BulletinStatus>(Status, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)) status = parsed;
            else ModelState.AddModelError("status", "Choose a status from the list");
        }
        if (!ModelState.IsValid) return Page();
        Results = await subscribers.ListAsync(new BulletinSubscriberQuery
        {
            Status = status,
            Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
            Page = Math.Max(1, PageNumber),
            PageSize = PageSize,
        }, HttpContext.RequestAborted);
        return Page();
    }

    public SelectField StatusField() => new("status", "Status",
        [new Choice("", "Any status") { Selected = string.IsNullOrEmpty(Status) },
         .. Enum.GetValues<BulletinStatus>().Select(s => new Choice(s.ToString(), s.ToString()) { Selected = Status == s.ToString() })]);

    public TextInputField TextField() => new("text", "Email address contains") { Value = Text, Spellcheck = false, Autocomplete = "off" };

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(int page) => PageLinks.With(Request, Path, ("p", page.ToString()), ("erased", null));

    public static string DetailsPath(string id) => $"{Path}/{Uri.EscapeDataString(id)}";
}
