// Why: signing out changes state, so it is a POST with the antiforgery token (a link or an image elsewhere cannot
// sign an editor out); a GET shows a button that posts.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public sealed class SignOutModel(SignInManager<User> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect(AdminSignIn.SignInPath);
    }
}
