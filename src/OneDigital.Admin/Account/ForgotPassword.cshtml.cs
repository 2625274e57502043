// Why: an editor who forgot the password asks for a link by user name or email; the answer is the same whether or not
// the account exists (PasswordResetMail sends, or not, behind it).
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneDigital.Admin.Account;

public sealed class ForgotPasswordModel(PasswordResetMail resetMail) : PageModel
{
    public const string Path = AdminServices.PathPrefix + "/forgot-password";

    [BindProperty]
    public string? NameOrEmail { get; set; }

    /// <summary>The request was taken: the page says to check the inbox.</summary>
    public bool Requested { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var value = NameOrEmail?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            ModelState.AddModelError(nameof(NameOrEmail), "Enter your user name or email");
            return Page();
        }
        if (value.Length > 256)
        {
            ModelState.AddModelError(nameof(NameOrEmail), "User name or email must be 256 characters or fewer");
            return Page();
        }
        await resetMail.RequestAsync(value, HttpContext);
        Requested = true;
        return Page();
    }
}
