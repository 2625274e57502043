// Why: editors sign in with their user name or email and password. Every refusal (unknown user, wrong password,
// disabled account) says the same thing, so the form does not tell a guesser which names exist; only a lockout is
// named, because the editor must know to wait. Failures count towards the lockout.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public sealed class SignInModel(SignInManager<User> signIn, UserManager<User> users) : PageModel
{
    public const string WrongCredentials = "Enter a correct user name (or email) and password";
    public const string LockedOut = "This account is locked after too many wrong passwords; try again later";

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Messages from binding (none are expected for two strings) are replaced by the form's own.
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(UserName)) ModelState.AddModelError(nameof(UserName), "Enter your user name or email");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter your password");
        if (!ModelState.IsValid) return Page();

        var user = await FindAsync(UserName!.Trim());
        if (user is null || !user.IsEnabled)
        {
            ModelState.AddModelError(nameof(UserName), WrongCredentials);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith(AdminServices.PathPrefix, StringComparison.OrdinalIgnoreCase)
                ? ReturnUrl
                : AdminServices.PathPrefix);
        }
        ModelState.AddModelError(nameof(UserName), result.IsLockedOut ? LockedOut : WrongCredentials);
        return Page();
    }

    /// <summary>By user name, else by email when exactly one account has it (emails need not be unique).</summary>
    private async Task<User?> FindAsync(string nameOrEmail)
    {
        if (await users.FindByNameAsync(nameOrEmail) is { } byName) return byName;
        if (!nameOrEmail.Contains('@', StringComparison.Ordinal)) return null;
        var email = users.NormalizeEmail(nameOrEmail);
        var matches = await users.Users.Where(u => u.NormalizedEmail == email).Take(2).ToListAsync(HttpContext.RequestAborted);
        return matches.Count == 1 ? matches[0] : null;
    }
}
