// Why: the signed-in editor's own account at a glance, with a way to change each thing; the pages that change them
// come back here with a line saying what changed.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public sealed class AccountModel(UserManager<User> users) : AdminPage
{
    public const string Path = AdminServices.PathPrefix + "/account";

    private static readonly Dictionary<string, string> Changes = new(StringComparer.Ordinal)
    {
        ["password"] = "Your password has been changed.",
        ["email"] = "Your email address has been changed.",
        ["two-factor-off"] = "Two-factor sign-in is off.",
    };

    public string UserName { get; private set; } = "";
    public string? Email { get; private set; }
    public bool TwoFactorEnabled { get; private set; }

    /// <summary>What the previous page changed, said in a success banner.</summary>
    public string? Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? changed)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        UserName = user.UserName ?? "";
        Email = user.Email;
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        Changed = changed is not null && Changes.TryGetValue(changed, out var text) ? text : null;
        return Page();
    }
}
