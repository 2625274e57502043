// Why: an editor turns on two-factor sign-in themselves. The shared key is made once and kept until the app proves it
// has it (the first code), so reloading the page while scanning does not change it; turning on shows ten recovery
// codes once, and turning off needs the password, so a session left open cannot quietly remove the second factor.
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

public sealed class TwoFactorModel(UserManager<User> users, SignInManager<User> signIn, AuditTrail audit, IOptions<IdentityOptions> identity) : AdminPage
{
    public const string Path = AdminServices.PathPrefix + "/account/two-factor";
    public const string Issuer = "One Digital";
    public const int RecoveryCodeCount = 10;

    public bool Enabled { get; private set; }

    /// <summary>The shared key in groups of four, as people type it into an app.</summary>
    public string FormattedKey { get; private set; } = "";

    /// <summary>The <c>otpauth://</c> URI an app reads from a QR code or a link.</summary>
    public string AuthenticatorUri { get; private set; } = "";

    /// <summary>The QR code of <see cref="AuthenticatorUri"/> as SVG.</summary>
    public string QrCodeSvg { get; private set; } = "";

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await CurrentUserAsync();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        ModelState.Clear();
        var user = await CurrentUserAsync();
        if (await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        var code = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (code.Length == 0) ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        else if (!await users.VerifyTwoFactorTokenAsync(user, identity.Value.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not right; enter the code your app shows now");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await audit.RecordAsync(AuditKind.TwoFactorEnabled, HttpContext, user);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        NewRecoveryCodes = [.. codes];
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        ModelState.Clear();
        var user = await CurrentUserAsync();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await audit.RecordAsync(AuditKind.RecoveryCodesRenewed, HttpContext, user);
        await LoadAsync(user);
        NewRecoveryCodes = [.. codes];
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        ModelState.Clear();
        var user = await CurrentUserAsync();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter your password");
        else if (!await users.CheckPasswordAsync(user, Password)) ModelState.AddModelError(nameof(Password), "The password is not right");
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A later setup starts with a new key; the old one may be in an app the editor no longer controls.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        await audit.RecordAsync(AuditKind.TwoFactorDisabled, HttpContext, user);
        await signIn.RefreshSignInAsync(user);
        return Redirect(AccountModel.Path + "?changed=two-factor-off");
    }

    private async Task<User> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    private async Task LoadAsync(User user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // The key's change renewed the security stamp; the cookie is renewed with it so the editor stays signed in.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
        }
        FormattedKey = FormatKey(key);
        AuthenticatorUri = UriFor(user.UserName ?? user.Id, key);
        QrCodeSvg = QrCode.Svg(AuthenticatorUri);
    }

    internal static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToLowerInvariant();
    }

    internal static string UriFor(string userName, string key) => string.Create(CultureInfo.InvariantCulture,
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
}
