// Why: "who did that, and when?" answered by browsing the trail newest first and narrowing it by kind, user, item,
// dates (in the site's time zone) and text. Filters are a GET form, so a filtered page is a link to share and
// works without JavaScript; a bad date shows the form again with its message and no rows.
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneDigital.Admin.Scheduling;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Security;
using OneDigital.Admin.Shared.Paging;

namespace OneDigital.Admin.Audit;

public sealed class AuditModel(AuditTrail trail, SiteTime time, IOptions<AuditOptions> options) : AdminPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true, Name = "item")] public string? ItemId { get; set; }
    [BindProperty(SupportsGet = true, Name = "text")] public string? Text { get; set; }
    // Not "page": Razor Pages routes by that name.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public string? FromDay { get; private set; }
    public string? FromMonth { get; private set; }
    public string? FromYear { get; private set; }
    public string? ToDay { get; private set; }
    public string? ToMonth { get; private set; }
    public string? ToYear { get; private set; }

    public AuditPage? Results { get; private set; }

    public int RetentionDays => options.Value.RetentionDays;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ViewAuditTrail) is { } refused) return refused;
        var q = Request.Query;
        (FromDay, FromMonth, FromYear) = (q["from.Day"], q["from.Month"], q["from.Year"]);
        (ToDay, ToMonth, ToYear) = (q["to.Day"], q["to.Month"], q["to.Year"]);
        AuditKind? kind = null;
        if (!string.IsNullOrEmpty(Kind))
        {
            if (Enum.TryParse<AuditKind>(Kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)) kind = parsed;
            else ModelState.AddModelError("kind", "Choose a kind of event from the list");
        }
        var from = ParseDate("from", FromDay, FromMonth, FromYear);
        var to = ParseDate("to", ToDay, ToMonth, ToYear);
        if (from is { } f && to is { } t && t < f)
        {
            ModelState.AddModelError("to", "The end date must be the same as or after the start date");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Results = await trail.QueryAsync(new AuditQuery
        {
            Kinds = kind is { } k ? [k] : null,
            UserName = Blank(UserName),
            ContentItemId = Blank(ItemId),
            Text = Blank(Text),
            // Whole days in the site's zone: from its first minute to the end of the last day.
            FromUtc = from is { } start ? time.ToUtc(start, TimeOnly.MinValue) : null,
            ToUtc = to is { } end ? time.ToUtc(end.AddDays(1), TimeOnly.MinValue) : null,
            Page = Math.Max(1, PageNumber),
            PageSize = PageSize,
        }, HttpContext.RequestAborted);
        return Page();
    }

    private DateOnly? ParseDate(string name, string? day, string? month, string? year)
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            return null;
        }
        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 1000 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }
        ModelState.AddModelError(name, $"The {(name == "from" ? "start" : "end")} date must be a real date, for example 27 3 2027");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public SelectField KindField() => new("kind", "Kind of event",
        [new Choice("", "Any kind") { Selected = string.IsNullOrEmpty(Kind) },
         .. Enum.GetValues<AuditKind>().Select(k => new Choice(k.ToString(), KindText(k)) { Selected = Kind == k.ToString() })]);

    public TextInputField UserField() => new("user", "User name") { Value = UserName, Spellcheck = false, Autocomplete = "off", Hint = "Exactly as shown in the trail" };

    public TextInputField ItemField() => new("item", "Content item id") { Value = ItemId, Spellcheck = false, Autocomplete = "off" };

    public TextInputField TextField() => new("text", "Text") { Value = Text, Hint = "Found in the title, the detail, the user name or the content type" };

    public DateInputField FromField() => new("from", "From") { Day = FromDay, Month = FromMonth, Year = FromYear, Hint = "For example, 27 3 2027" };

    public DateInputField ToField() => new("to", "To (inclusive)") { Day = ToDay, Month = ToMonth, Year = ToYear, Hint = "For example, 28 3 2027" };

    /// <summary>"SignInFailed" → "Sign in failed".</summary>
    public static string KindText(AuditKind kind)
    {
        var name = kind.ToString();
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append(' ').Append(char.ToLowerInvariant(c));
            else text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(int page) => PageLinks.With(Request, AdminServices.PathPrefix + "/audit", ("p", page.ToString()));
}
