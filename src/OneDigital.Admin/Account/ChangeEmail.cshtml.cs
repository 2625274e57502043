// Why: the email is where password reset links go, so changing it needs the current password (a session left open
// must not hand the account to whoever sits down); Identity checks the address's format.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public sealed class ChangeEmailModel(UserManager<User> users, SignInManager<User> signIn, AuditTrail audit) : AdminPage
{
    public const string InvalidEmail = "Enter an email address in the correct format, like name@example.com";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    public async Task OnGetAsync() => Email = (await users.GetUserAsync(User))?.Email;

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email)) ModelState.AddModelError(nameof(Email), "Enter your email address");
        else if (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            ModelState.AddModelError(nameof(Email), InvalidEmail);
        }
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddModelError(nameof(CurrentPassword), "Enter your password");
        else if (!await users.CheckPasswordAsync(user, CurrentPassword)) ModelState.AddModelError(nameof(CurrentPassword), "The password is not right");
        if (!ModelState.IsValid) return Page();

        var previous = user.Email;
        var result = await users.SetEmailAsync(user, email);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidEmail))
                ? InvalidEmail
                : string.Join(" ", result.Errors.Select(e => e.Description)));
            return Page();
        }
        await audit.RecordAsync(AuditKind.EmailChanged, HttpContext, user, detail: $"from {previous ?? "none"} to {email}");
        await signIn.RefreshSignInAsync(user);
        return Redirect(AccountModel.Path + "?changed=email");
    }
}
