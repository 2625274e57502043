using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Account;

/// <summary>Signing in over plain HTTP: the configured administrator gets in; wrong or disabled credentials do not.</summary>
public sealed class SignInTests
{
    private AdminSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await AdminSite.StartAsync("--OneDigital:Admin:LockoutDuration=00:10:00");

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task The_setup_administrator_signs_in_with_the_configured_password_and_reaches_the_dashboard()
    {
        using var client = _site.NewClient();

        using var signIn = await client.PostSignInAsync(AdminSite.AdminUserName, AdminSite.AdminPassword);
        using var dashboard = await client.GetAsync("/admin");

        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(signIn.Headers.Location?.ToString(), Is.EqualTo("/admin"));
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await dashboard.Content.ReadAsStringAsync(), Does.Contain("<h1 class=\"govuk-heading-l\">Dashboard</h1>").And.Contain(AdminSite.AdminUserName));
    }

    [Test]
    public async Task The_sign_in_cookie_is_HttpOnly_SameSite_Lax_Secure_and_sent_for_admin_only()
    {
        using var client = _site.NewClient();

        using var response = await client.PostSignInAsync(AdminSite.AdminUserName, AdminSite.AdminPassword);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AdminClient.SignInCookie + "=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("path=/admin;").And.Contain("httponly").IgnoreCase.And.Contain("samesite=lax").IgnoreCase.And.Contain("secure").IgnoreCase);
    }

    [Test]
    public async Task Signing_in_by_email_works_like_the_user_name()
    {
        using var client = _site.NewClient();

        await client.SignInAsync(AdminSite.AdminEmail, AdminSite.AdminPassword);
        using var dashboard = await client.GetAsync("/admin");

        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_wrong_password_shows_the_error_summary_and_signs_nobody_in()
    {
        using var client = _site.NewClient();

        using var response = await client.PostSignInAsync(AdminSite.AdminUserName, "not the password");
        var html = await response.Content.ReadAsStringAsync();
        using var dashboard = await client.GetAsync("/admin");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("govuk-error-summary").And.Contain("There is a problem"));
        Assert.That(html, Does.Contain("<a href=\"#UserName\">Enter a correct user name (or email) and password</a>"));
        Assert.That(html, Does.Contain("id=\"UserName-error\""), "the inline message beside the field");
        Assert.That(html, Does.Contain("<title>Error: Sign in"));
        Assert.That(client.IsSignedIn, Is.False);
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(dashboard.Headers.Location?.ToString(), Does.StartWith("http").And.Contain("/admin/sign-in?returnUrl=%2Fadmin"));
    }

    [Test]
    public async Task Empty_fields_are_each_named_in_the_error_summary()
    {
        using var client = _site.NewClient();

        using var response = await client.PostSignInAsync("", "");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("<a href=\"#UserName\">Enter your user name or email</a>").And.Contain("<a href=\"#Password\">Enter your password</a>"));
    }

    [Test]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = _site.NewClient();
        using (await client.GetAsync("/admin/sign-in")) { }

        using var response = await client.PostRawAsync("/admin/sign-in", [new("UserName", AdminSite.AdminUserName), new("Password", AdminSite.AdminPassword)]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(client.IsSignedIn, Is.False);
    }

    [Test]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await _site.AddUserAsync("locked-editor", "Editor-Pa55word!", "Editor");
        using var client = _site.NewClient();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostSignInAsync("locked-editor", $"wrong {i}");
        }
        using var right = await client.PostSignInAsync("locked-editor", "Editor-Pa55word!");

        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await right.Content.ReadAsStringAsync(), Does.Contain("This account is locked after too many wrong passwords"));
        Assert.That(client.IsSignedIn, Is.False);
    }

    [Test]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        await _site.AddUserAsync("careless-editor", "Editor-Pa55word!", "Editor");
        using var client = _site.NewClient();

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await client.PostSignInAsync("careless-editor", $"wrong {i}");
        }

        await client.SignInAsync("careless-editor", "Editor-Pa55word!");
    }

    [Test]
    public async Task A_disabled_user_cannot_sign_in_with_the_right_password()
    {
        await _site.AddUserAsync("disabled-editor", "Editor-Pa55word!", "Editor");
        await _site.UpdateUserAsync("disabled-editor", u => u.IsEnabled = false);
        using var client = _site.NewClient();

        using var response = await client.PostSignInAsync("disabled-editor", "Editor-Pa55word!");

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Enter a correct user name (or email) and password"));
        Assert.That(client.IsSignedIn, Is.False);
    }

    [Test]
    public async Task Signing_out_is_a_post_that_ends_the_sign_in()
    {
        using var client = await _site.SignedInAdminAsync();

        using var get = await client.GetAsync("/admin/sign-out");
        Assert.That(client.IsSignedIn, Is.True, "a GET shows a button and signs nobody out");
        using var post = await client.PostFormAsync("/admin/sign-out", []);
        using var dashboard = await client.GetAsync("/admin");

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(client.IsSignedIn, Is.False);
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task After_signing_in_the_editor_returns_to_the_admin_page_they_asked_for_but_never_elsewhere()
    {
        using var client = _site.NewClient();

        using var inside = await client.PostFormAsync("/admin/sign-in?returnUrl=%2Fadmin%2Fforbidden",
            [new("UserName", AdminSite.AdminUserName), new("Password", AdminSite.AdminPassword), new("ReturnUrl", "/admin/forbidden")]);
        using var outside = await client.PostFormAsync("/admin/sign-in",
            [new("UserName", AdminSite.AdminUserName), new("Password", AdminSite.AdminPassword), new("ReturnUrl", "//evil.example/admin")]);

        Assert.That(inside.Headers.Location?.ToString(), Is.EqualTo("/admin/forbidden"));
        Assert.That(outside.Headers.Location?.ToString(), Is.EqualTo("/admin"));
    }

    [Test]
    public async Task A_user_disabled_while_signed_in_is_sent_to_sign_in_on_their_next_admin_request()
    {
        await _site.AddUserAsync("soon-disabled", "Editor-Pa55word!", "Editor");
        using var client = _site.NewClient();
        await client.SignInAsync("soon-disabled", "Editor-Pa55word!");
        using var before = await client.GetAsync("/admin/content");

        await _site.UpdateUserAsync("soon-disabled", u => u.IsEnabled = false);
        using var after = await client.GetAsync("/admin/content");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.Headers.Location?.ToString(), Does.Contain("/admin/sign-in?returnUrl=%2Fadmin%2Fcontent"));
    }

    [Test]
    public async Task A_user_taken_out_of_their_role_while_signed_in_is_sent_to_sign_in_on_their_next_admin_request()
    {
        var user = await _site.AddUserAsync("soon-demoted", "Editor-Pa55word!", "Editor");
        using var client = _site.NewClient();
        await client.SignInAsync("soon-demoted", "Editor-Pa55word!");
        using var before = await client.GetAsync("/admin/content");

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var stored = await users.FindByIdAsync(user.Id);
            Assert.That((await users.RemoveFromRoleAsync(stored!, "Editor")).Succeeded, Is.True);
        }
        using var after = await client.GetAsync("/admin/content");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.Headers.Location?.ToString(), Does.Contain("/admin/sign-in?returnUrl=%2Fadmin%2Fcontent"));
    }
}
