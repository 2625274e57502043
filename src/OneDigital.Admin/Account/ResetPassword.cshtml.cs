// Why: the link from the reset email carries the account's id and Identity's reset token. The token is checked when
// the page opens (a used or expired link says so at once, before the editor types anything) and again by Identity when
// the password changes, which also renews the security stamp: the link then works no more, and sign-ins elsewhere end.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OneDigital.Content.Audit;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public sealed class ResetPasswordModel(UserManager<User> users, AuditTrail audit, IOptions<IdentityOptions> identity) : PageModel
{
    public const string Path = AdminServices.PathPrefix + "/reset-password";
    public const string DoneQuery = "reset=done";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public int MinimumLength => identity.Value.Password.RequiredLength;

    /// <summary>The link is unknown, used or expired: the page offers to ask for a new one instead of the form.</summary>
    public bool LinkInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkInvalid = await ValidUserAsync() is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await ValidUserAsync();
        if (user is null)
        {
            LinkInvalid = true;
            return Page();
        }
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), "Enter a new password");
        else if (ConfirmPassword != NewPassword) ModelState.AddModelError(nameof(ConfirmPassword), "Enter the same password twice");
        if (!ModelState.IsValid) return Page();

        var result = await users.ResetPasswordAsync(user, Token!, NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                LinkInvalid = true;
                return Page();
            }
            ModelState.AddModelError(nameof(NewPassword), PasswordMessages.For(result.Errors, identity.Value.Password));
            return Page();
        }
        // Whoever holds the mailbox proved it is their account: a lockout from wrong guesses no longer applies.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditKind.PasswordReset, HttpContext, user);
        return LocalRedirect($"{AdminSignIn.SignInPath}?{DoneQuery}");
    }

    private async Task<User?> ValidUserAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token)) return null;
        var user = await users.FindByIdAsync(UserId);
        if (user is not { IsEnabled: true }) return null;
        var valid = await users.VerifyUserTokenAsync(user, identity.Value.Tokens.PasswordResetTokenProvider, UserManager<User>.ResetPasswordTokenPurpose, Token);
        return valid ? user : null;
    }
}
