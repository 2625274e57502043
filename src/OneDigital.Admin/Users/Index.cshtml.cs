// Why: administrators find an account by part of its name or email; the list shows what they usually need to know
// next (roles, whether it can sign in, when it last did), paged, as a GET form so a search is a link.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Admin.Shared.Paging;

namespace OneDigital.Admin.Users;

public sealed class UsersModel(UserManager<User> users, UserAccounts accounts, TimeProvider clock) : AdminPage
{
    public const string Path = AdminServices.PathPrefix + "/users";
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    // Not "page": Razor Pages routes by that name.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public sealed record Row(User User, IReadOnlyList<string> Roles, DateTime? LastSignInUtc, bool LockedOut);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageUsers) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            // Names and emails are stored normalized (upper case), so one LIKE per column finds either, ignoring case.
            var name = users.NormalizeName(Search.Trim());
            var email = users.NormalizeEmail(Search.Trim());
            query = query.Where(u => (u.NormalizedUserName != null && u.NormalizedUserName.Contains(name))
                || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(email)));
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, LastPage);
        var page = await query.OrderBy(u => u.NormalizedUserName).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var roles = await accounts.RolesOfAsync([.. page.Select(u => u.Id)], ct);
        var signIns = await accounts.LastSignInsAsync([.. page.Select(u => u.UserName!)], ct);
        var now = clock.GetUtcNow();
        Rows = [.. page.Select(u => new Row(u, roles[u.Id], signIns.TryGetValue(u.UserName!, out var last) ? last : null, u.LockoutEnd > now))];
        return Page();
    }

    public TextInputField SearchField() => new("q", "Name or email contains") { Value = Search, Spellcheck = false, Autocomplete = "off", WidthClass = "govuk-!-width-one-half" };

    /// <summary>The link to another page of the same search.</summary>
    public string PageLink(int page) => PageLinks.With(Request, Path, ("p", page.ToString()));

    public static string EditPath(string id) => $"{Path}/{Uri.EscapeDataString(id)}";
}
