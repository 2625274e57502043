using System.Net;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;

namespace OneDigital.Admin.Tests.Account;

/// <summary>Two-factor sign-in with an authenticator app over HTTP: setup, the second step, recovery codes, turning off.</summary>
public sealed class TwoFactorTests
{
    private const string Password = "Editor-Pa55word!";
    private AdminSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await AdminSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task The_setup_page_shows_the_key_in_groups_its_otpauth_link_and_a_QR_code_and_keeps_the_key_on_reload()
    {
        await _site.AddUserAsync("scanner", Password, "Editor");
        using var client = _site.NewClient();
        await client.SignInAsync("scanner", Password);

        using var first = await client.GetAsync("/admin/account/two-factor");
        using var second = await client.GetAsync("/admin/account/two-factor");
        var html = await first.Content.ReadAsStringAsync();
        var key = AccountSupport.AuthenticatorKey(html);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(key, Does.Match("^([a-z2-7]{4} )+[a-z2-7]{1,4}$"));
        Assert.That(html, Does.Contain($"otpauth://totp/One%20Digital:scanner?secret={key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}&amp;issuer=One%20Digital"));
        Assert.That(html, Does.Contain("<svg"));
        Assert.That(AccountSupport.AuthenticatorKey(await second.Content.ReadAsStringAsync()), Is.EqualTo(key));
    }

    [Test]
    public async Task A_wrong_code_does_not_turn_it_on()
    {
        await _site.AddUserAsync("fumbler", Password, "Editor");
        using var client = _site.NewClient();
        await client.SignInAsync("fumbler", Password);

        using var wrong = await client.PostFormAsync("/admin/account/two-factor", [new("Code", "000000")], "/admin/account/two-factor?handler=Enable");
        using var empty = await client.PostFormAsync("/admin/account/two-factor", [new("Code", "")], "/admin/account/two-factor?handler=Enable");
        using var signOut = await client.PostFormAsync("/admin/sign-out", []);
        using var again = _site.NewClient();
        await again.SignInAsync("fumbler", Password);

        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("<a href=\"#Code\">The code is not right; enter the code your app shows now</a>"));
        Assert.That(await empty.Content.ReadAsStringAsync(), Does.Contain("<a href=\"#Code\">Enter the 6-digit code from your authenticator app</a>"));
    }

    [Test]
    public async Task Once_on_sign_in_needs_a_code_a_wrong_one_is_refused_and_the_right_one_signs_in()
    {
        await _site.AddUserAsync("careful-editor", Password, "Editor");
        using var setup = _site.NewClient();
        await setup.SignInAsync("careful-editor", Password);
        var (key, codes) = await AccountSupport.EnableTwoFactorAsync(setup);
        using var client = _site.NewClient();

        using var password = await client.PostSignInAsync("careful-editor", Password);
        using var dashboardBetween = await client.GetAsync("/admin");
        using var wrong = await client.PostFormAsync("/admin/sign-in/two-factor", [new("Code", "123456")]);
        using var right = await client.PostFormAsync("/admin/sign-in/two-factor", [new("Code", Totp.Code(key))]);
        using var dashboard = await client.GetAsync("/admin");

        Assert.That(codes, Has.Count.EqualTo(10).And.Unique);
        Assert.That(password.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(password.Headers.Location?.ToString(), Does.StartWith("/admin/sign-in/two-factor"));
        Assert.That(dashboardBetween.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the password alone does not sign in");
        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("<a href=\"#Code\">Enter the current code from your authenticator app, or an unused recovery code</a>"));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(right.Headers.Location?.ToString(), Is.EqualTo("/admin"));
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await AccountSupport.AuditKindsAsync(_site, "careful-editor"),
            Is.EqualTo(new[] { AuditKind.SignIn, AuditKind.TwoFactorEnabled, AuditKind.SignInFailed, AuditKind.SignIn }));
    }

    [Test]
    public async Task A_recovery_code_signs_in_once()
    {
        await _site.AddUserAsync("phone-lost", Password, "Editor");
        using var setup = _site.NewClient();
        await setup.SignInAsync("phone-lost", Password);
        var (_, codes) = await AccountSupport.EnableTwoFactorAsync(setup);

        using var first = _site.NewClient();
        using (await first.PostSignInAsync("phone-lost", Password)) { }
        using var used = await first.PostFormAsync("/admin/sign-in/two-factor", [new("Code", codes[3])]);
        using var second = _site.NewClient();
        using (await second.PostSignInAsync("phone-lost", Password)) { }
        using var reused = await second.PostFormAsync("/admin/sign-in/two-factor", [new("Code", codes[3])]);
        using var account = await first.GetAsync("/admin/account/two-factor");

        Assert.That(used.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(first.IsSignedIn, Is.True);
        Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.IsSignedIn, Is.False);
        Assert.That(await account.Content.ReadAsStringAsync(), Does.Contain("You have 9 unused recovery codes"));
    }

    [Test]
    public async Task The_second_step_without_a_passed_password_step_goes_back_to_sign_in()
    {
        using var client = _site.NewClient();

        using var page = await client.GetAsync("/admin/sign-in/two-factor");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location?.ToString(), Is.EqualTo("/admin/sign-in"));
    }

    [Test]
    public async Task Remember_this_device_skips_the_code_at_the_next_sign_in_in_the_same_browser()
    {
        await _site.AddUserAsync("at-desk", Password, "Editor");
        using var client = _site.NewClient();
        await client.SignInAsync("at-desk", Password);
        var (key, _) = await AccountSupport.EnableTwoFactorAsync(client);
        using (await client.PostFormAsync("/admin/sign-out", [])) { }

        using (await client.PostSignInAsync("at-desk", Password)) { }
        using (await client.PostFormAsync("/admin/sign-in/two-factor", [new("Code", Totp.Code(key)), new("RememberDevice", "true")])) { }
        using (await client.PostFormAsync("/admin/sign-out", [])) { }
        using var again = await client.PostSignInAsync("at-desk", Password);

        Assert.That(again.Headers.Location?.ToString(), Is.EqualTo("/admin"));
        Assert.That(client.IsSignedIn, Is.True);
    }

    [Test]
    public async Task Turning_it_off_needs_the_password_and_then_the_password_alone_signs_in()
    {
        await _site.AddUserAsync("changed-mind", Password, "Editor");
        using var client = _site.NewClient();
        await client.SignInAsync("changed-mind", Password);
        await AccountSupport.EnableTwoFactorAsync(client);

        using var wrong = await client.PostFormAsync("/admin/account/two-factor", [new("Password", "not it")], "/admin/account/two-factor?handler=Disable");
        using var off = await client.PostFormAsync("/admin/account/two-factor", [new("Password", Password)], "/admin/account/two-factor?handler=Disable");
        using var other = _site.NewClient();
        using var plain = await other.PostSignInAsync("changed-mind", Password);

        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("<a href=\"#Password\">The password is not right</a>"));
        Assert.That(off.Headers.Location?.ToString(), Is.EqualTo("/admin/account?changed=two-factor-off"));
        Assert.That(plain.Headers.Location?.ToString(), Is.EqualTo("/admin"));
        Assert.That(await AccountSupport.AuditKindsAsync(_site, "changed-mind"), Does.Contain(AuditKind.TwoFactorDisabled));
    }

    [Test]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        await _site.AddUserAsync("renewer", Password, "Editor");
        using var client = _site.NewClient();
        await client.SignInAsync("renewer", Password);
        var (_, old) = await AccountSupport.EnableTwoFactorAsync(client);

        using var renewed = await client.PostFormAsync("/admin/account/two-factor", [], "/admin/account/two-factor?handler=RecoveryCodes");
        var fresh = AccountSupport.RecoveryCodes(await renewed.Content.ReadAsStringAsync());
        using var other = _site.NewClient();
        using (await other.PostSignInAsync("renewer", Password)) { }
        using var withOld = await other.PostFormAsync("/admin/sign-in/two-factor", [new("Code", old[0])]);
        using var withNew = await other.PostFormAsync("/admin/sign-in/two-factor", [new("Code", fresh[0])]);

        Assert.That(fresh, Has.Count.EqualTo(10));
        Assert.That(fresh.Intersect(old), Is.Empty);
        Assert.That(withOld.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(withNew.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }
}
