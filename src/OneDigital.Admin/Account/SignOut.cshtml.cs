// Why: signing out changes state, so it is a POST with the antiforgery token (a link or an image elsewhere cannot
// sign an editor out); a GET shows a button that posts. It is audited like signing in.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneDigital.Content.Audit;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public sealed class SignOutModel(SignInManager<User> signIn, UserManager<User> users, AuditTrail audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            await audit.RecordAsync(AuditKind.SignOut, HttpContext, user);
        }
        await signIn.SignOutAsync();
        return LocalRedirect(AdminSignIn.SignInPath);
    }
}
