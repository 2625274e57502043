// Why: editors sign in with their user name or email and password. Every refusal (unknown user, wrong password,
// disabled account) says the same thing, so the form does not tell a guesser which names exist; only a lockout is
// named, because the editor must know to wait. Failures count towards the lockout, and every outcome is audited.
// An account with two-factor sign-in goes on to the second step with Identity's short-lived two-factor cookie.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneDigital.Content.Audit;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public sealed class SignInModel(SignInManager<User> signIn, UserManager<User> users, AuditTrail audit) : PageModel
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

        var user = await users.FindByNameOrEmailAsync(UserName!.Trim(), HttpContext.RequestAborted);
        if (user is null || !user.IsEnabled)
        {
            await audit.RecordAsync(AuditKind.SignInFailed, HttpContext, user, UserName.Trim(), user is null ? "unknown account" : "account disabled");
            ModelState.AddModelError(nameof(UserName), WrongCredentials);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditKind.SignIn, HttpContext, user);
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactorSignIn", new { returnUrl = SafeReturnUrl(Url, ReturnUrl) });
        }
        await audit.RecordAsync(result.IsLockedOut ? AuditKind.LockedOut : AuditKind.SignInFailed, HttpContext, user, detail: "wrong password");
        ModelState.AddModelError(nameof(UserName), result.IsLockedOut ? LockedOut : WrongCredentials);
        return Page();
    }

    /// <summary>The return URL when it is a page of the admin, else the dashboard (never another site).</summary>
    internal static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith(AdminServices.PathPrefix, StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : AdminServices.PathPrefix;
}
