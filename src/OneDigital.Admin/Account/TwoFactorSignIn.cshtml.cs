// Why: the second step of sign-in for an account with an authenticator app. Identity's two-factor cookie says who
// passed the password step (for a few minutes); the editor then types the app's 6-digit code or, with the phone lost,
// one of the recovery codes, each of which works once. Wrong codes count towards the lockout like wrong passwords.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneDigital.Content.Audit;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public sealed class TwoFactorSignInModel(SignInManager<User> signIn, AuditTrail audit) : PageModel
{
    public const string Path = AdminServices.PathPrefix + "/sign-in/two-factor";
    public const string WrongCode = "Enter the current code from your authenticator app, or an unused recovery code";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberDevice { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return BackToSignIn();

        var code = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app, or a recovery code");
            return Page();
        }
        var authenticatorCode = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = authenticatorCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: RememberDevice)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditKind.SignIn, HttpContext, user, detail: authenticatorCode ? "with an authenticator code" : "with a recovery code");
            return LocalRedirect(SignInModel.SafeReturnUrl(Url, ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditKind.LockedOut, HttpContext, user, detail: "wrong two-factor code");
            ModelState.AddModelError(nameof(Code), SignInModel.LockedOut);
            return Page();
        }
        await audit.RecordAsync(AuditKind.SignInFailed, HttpContext, user, detail: "wrong two-factor code");
        ModelState.AddModelError(nameof(Code), WrongCode);
        return Page();
    }

    private RedirectResult BackToSignIn() => Redirect(AdminSignIn.SignInPath);
}
