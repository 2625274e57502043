// Why: an editor changes their own password by proving the current one; Identity checks the new one against the
// site's rules and renews the security stamp (ending sign-ins elsewhere), and this browser's cookie is renewed with it.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public sealed class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn, AuditTrail audit, IOptions<IdentityOptions> identity) : AdminPage
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public int MinimumLength => identity.Value.Password.RequiredLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password");
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), "Enter a new password");
        else if (ConfirmPassword != NewPassword) ModelState.AddModelError(nameof(ConfirmPassword), "Enter the same new password twice");
        if (!ModelState.IsValid) return Page();

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                ModelState.AddModelError(nameof(CurrentPassword), "The current password is not right");
            }
            else
            {
                ModelState.AddModelError(nameof(NewPassword), PasswordMessages.For(result.Errors, identity.Value.Password));
            }
            return Page();
        }
        await audit.RecordAsync(AuditKind.PasswordChanged, HttpContext, user);
        await signIn.RefreshSignInAsync(user);
        return Redirect(AccountModel.Path + "?changed=password");
    }
}
