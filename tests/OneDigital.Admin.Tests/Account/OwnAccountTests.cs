using System.Net;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;

namespace OneDigital.Admin.Tests.Account;

/// <summary>The signed-in editor's own account over HTTP: the overview, changing the password and the email, and the audit of sign-ins.</summary>
public sealed class OwnAccountTests
{
    private const string Password = "Editor-Pa55word!";
    private const string NewPassword = "Better-Pa55word?";
    private AdminSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await AdminSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task The_account_page_shows_the_user_their_email_and_two_factor_state_and_is_in_the_menu()
    {
        await _site.AddUserAsync("viewer", Password, "Contributor");
        using var client = _site.NewClient();
        await client.SignInAsync("viewer", Password);

        using var page = await client.GetAsync("/admin/account");
        var html = await page.Content.ReadAsStringAsync();

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<h1 class=\"govuk-heading-l\">Your account</h1>"));
        Assert.That(html, Does.Contain("data-testid=\"account-email\">viewer@example.test<").And.Contain("data-testid=\"account-two-factor\">Off<"));
        Assert.That(html, Does.Contain("href=\"/admin/account\" aria-current=\"page\""));
    }

    [Test]
    public async Task The_account_pages_need_a_sign_in()
    {
        using var client = _site.NewClient();

        foreach (var path in new[] { "/admin/account", "/admin/account/password", "/admin/account/email", "/admin/account/two-factor" })
        {
            using var response = await client.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), path);
            Assert.That(response.Headers.Location?.ToString(), Does.Contain("/admin/sign-in?returnUrl="), path);
        }
    }

    [Test]
    public async Task A_user_without_AccessAdminPanel_gets_403_on_the_account_pages()
    {
        await _site.AddUserAsync("no-admin", Password);
        using var client = _site.NewClient();
        using (await client.PostSignInAsync("no-admin", Password)) { }

        using var page = await client.GetAsync("/admin/account/password");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Changing_the_password_needs_the_current_one_keeps_the_editor_signed_in_and_is_audited()
    {
        await _site.AddUserAsync("rotator", Password, "Editor");
        using var client = _site.NewClient();
        await client.SignInAsync("rotator", Password);

        using var wrongCurrent = await client.PostFormAsync("/admin/account/password", [new("CurrentPassword", "nope"), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);
        using var weak = await client.PostFormAsync("/admin/account/password", [new("CurrentPassword", Password), new("NewPassword", "weakpassword"), new("ConfirmPassword", "weakpassword")]);
        using var empty = await client.PostFormAsync("/admin/account/password", []);
        using var changed = await client.PostFormAsync("/admin/account/password", [new("CurrentPassword", Password), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);
        using var account = await client.GetAsync("/admin/account?changed=password");
        using var old = await _site.NewClient().PostSignInAsync("rotator", Password);
        using var fresh = _site.NewClient();
        await fresh.SignInAsync("rotator", NewPassword);

        Assert.That(await wrongCurrent.Content.ReadAsStringAsync(), Does.Contain("<a href=\"#CurrentPassword\">The current password is not right</a>"));
        Assert.That(await weak.Content.ReadAsStringAsync(), Does.Contain("<a href=\"#NewPassword\">Password must include a symbol (like ! or #), include a number and include a capital letter</a>"));
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.That(emptyHtml, Does.Contain("<a href=\"#CurrentPassword\">Enter your current password</a>").And.Contain("<a href=\"#NewPassword\">Enter a new password</a>"));
        Assert.That(changed.Headers.Location?.ToString(), Is.EqualTo("/admin/account?changed=password"));
        Assert.That(account.StatusCode, Is.EqualTo(HttpStatusCode.OK), "still signed in after the change");
        Assert.That(await account.Content.ReadAsStringAsync(), Does.Contain("Your password has been changed."));
        Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the old password is refused");
        Assert.That(await AccountSupport.AuditKindsAsync(_site, "rotator"), Is.EqualTo(new[]
        {
            AuditKind.SignIn, AuditKind.PasswordChanged, AuditKind.SignInFailed, AuditKind.SignIn,
        }));
    }

    [Test]
    public async Task Changing_the_email_needs_the_password_and_a_valid_address()
    {
        await _site.AddUserAsync("mover", Password, "Editor");
        using var client = _site.NewClient();
        await client.SignInAsync("mover", Password);

        using var invalid = await client.PostFormAsync("/admin/account/email", [new("Email", "not an address"), new("CurrentPassword", Password)]);
        using var wrongPassword = await client.PostFormAsync("/admin/account/email", [new("Email", "new@example.test"), new("CurrentPassword", "nope")]);
        using var unchanged = await client.GetAsync("/admin/account");
        var unchangedHtml = await unchanged.Content.ReadAsStringAsync();
        using var changed = await client.PostFormAsync("/admin/account/email", [new("Email", "new@example.test"), new("CurrentPassword", Password)]);
        using var account = await client.GetAsync("/admin/account");

        Assert.That(await invalid.Content.ReadAsStringAsync(), Does.Contain("<a href=\"#Email\">Enter an email address in the correct format, like name@example.com</a>"));
        Assert.That(await wrongPassword.Content.ReadAsStringAsync(), Does.Contain("<a href=\"#CurrentPassword\">The password is not right</a>"));
        Assert.That(unchangedHtml, Does.Contain("data-testid=\"account-email\">mover@example.test<"), "nothing written by refused forms");
        Assert.That(changed.Headers.Location?.ToString(), Is.EqualTo("/admin/account?changed=email"));
        Assert.That(await account.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"account-email\">new@example.test<"));
        Assert.That(await AccountSupport.AuditKindsAsync(_site, "mover"), Does.Contain(AuditKind.EmailChanged));
    }

    [Test]
    public async Task Sign_in_failure_lockout_and_sign_out_are_audited_with_the_account_name()
    {
        await _site.AddUserAsync("audited", Password, "Editor");
        using var client = _site.NewClient();

        using (await client.PostSignInAsync("audited", "wrong")) { }
        await client.SignInAsync("audited", Password);
        using (await client.PostFormAsync("/admin/sign-out", [])) { }
        for (var i = 0; i < 5; i++)
        {
            using (await client.PostSignInAsync("audited", $"wrong {i}")) { }
        }
        using (await client.PostSignInAsync("nobody-by-this-name", "x")) { }

        Assert.That(await AccountSupport.AuditKindsAsync(_site, "audited"), Is.EqualTo(new[]
        {
            AuditKind.SignInFailed, AuditKind.SignIn, AuditKind.SignOut,
            AuditKind.SignInFailed, AuditKind.SignInFailed, AuditKind.SignInFailed, AuditKind.SignInFailed, AuditKind.LockedOut,
        }));
        Assert.That(await AccountSupport.AuditKindsAsync(_site, "nobody-by-this-name"), Is.EqualTo(new[] { AuditKind.SignInFailed }));
    }
}
