using System.Diagnostics;
using System.Net;
using OneDigital.Admin.Account;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;

namespace OneDigital.Admin.Tests.Account;

/// <summary>"Forgot password" over HTTP: the email in the pickup folder, its link, and what a stranger learns (nothing).</summary>
public sealed class PasswordResetTests
{
    private const string OldPassword = "Editor-Pa55word!";
    private const string NewPassword = "Correct-horse-battery-5taple";
    private AdminSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await AdminSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task A_reset_email_lands_in_the_pickup_folder_and_its_link_sets_a_new_password_once()
    {
        await _site.AddUserAsync("forgetful", OldPassword, "Editor");
        using var client = _site.NewClient();

        using var asked = await client.PostFormAsync("/admin/forgot-password", [new("NameOrEmail", "forgetful@example.test")]);
        var mail = AccountSupport.MailsTo(_site, "forgetful@example.test").Single();
        var link = AccountSupport.ResetLink(mail);
        using var form = await client.GetAsync(link);
        using var reset = await client.PostFormAsync(link, [new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);
        // The used link shows no form, so the token comes from another page, as a kept-open tab's would.
        using var again = await client.PostFormAsync("/admin/forgot-password", [new("NewPassword", "Another-new-passw0rd"), new("ConfirmPassword", "Another-new-passw0rd")], link);

        Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await asked.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"reset-requested\""));
        Assert.That(mail.Subject, Is.EqualTo(PasswordResetMail.Subject));
        Assert.That(link, Does.StartWith("/admin/reset-password?user="));
        Assert.That(await form.Content.ReadAsStringAsync(), Does.Contain("Choose a new password"));
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(reset.Headers.Location?.ToString(), Is.EqualTo("/admin/sign-in?reset=done"));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"link-invalid\""), "the link works once");
        using var oldRefused = await _site.NewClient().PostSignInAsync("forgetful", OldPassword);
        Assert.That(oldRefused.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the old password no longer signs in");
        using var signedIn = _site.NewClient();
        await signedIn.SignInAsync("forgetful", NewPassword);
        Assert.That(await AccountSupport.AuditKindsAsync(_site, "forgetful"),
            Is.SupersetOf(new[] { AuditKind.PasswordResetRequested, AuditKind.PasswordReset, AuditKind.SignIn }));
    }

    [Test]
    public async Task An_unknown_account_gets_the_same_answer_and_no_email_after_at_least_the_same_time()
    {
        await _site.AddUserAsync("known", OldPassword, "Editor");
        using var client = _site.NewClient();
        var before = AccountSupport.Mails(_site).Count;

        var known = Stopwatch.StartNew();
        using var forKnown = await client.PostFormAsync("/admin/forgot-password", [new("NameOrEmail", "known")]);
        known.Stop();
        var unknown = Stopwatch.StartNew();
        using var forUnknown = await client.PostFormAsync("/admin/forgot-password", [new("NameOrEmail", "nobody@example.test")]);
        unknown.Stop();

        Assert.That(Normalized(await forUnknown.Content.ReadAsStringAsync()), Is.EqualTo(Normalized(await forKnown.Content.ReadAsStringAsync())));
        Assert.That(AccountSupport.Mails(_site), Has.Count.EqualTo(before + 1), "only the known account got an email");
        Assert.That(unknown.Elapsed, Is.GreaterThanOrEqualTo(PasswordResetMail.MinimumDuration));
        Assert.That(known.Elapsed, Is.GreaterThanOrEqualTo(PasswordResetMail.MinimumDuration));
    }

    [Test]
    public async Task An_account_gets_three_reset_emails_an_hour_and_the_fourth_request_the_same_answer_without_one()
    {
        await _site.AddUserAsync("insistent", OldPassword, "Editor");
        using var client = _site.NewClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostFormAsync("/admin/forgot-password", [new("NameOrEmail", "insistent")]);
            answers.Add(response.StatusCode);
        }

        Assert.That(answers, Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(AccountSupport.MailsTo(_site, "insistent@example.test"), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_new_password_that_breaks_the_rules_or_differs_from_its_confirmation_is_refused_and_the_link_still_works()
    {
        await _site.AddUserAsync("careful", OldPassword, "Editor");
        using var client = _site.NewClient();
        using (await client.PostFormAsync("/admin/forgot-password", [new("NameOrEmail", "careful")])) { }
        var link = AccountSupport.ResetLink(AccountSupport.MailsTo(_site, "careful@example.test").Single());

        using var tooShort = await client.PostFormAsync(link, [new("NewPassword", "short"), new("ConfirmPassword", "short")]);
        using var different = await client.PostFormAsync(link, [new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword + "!")]);
        using var empty = await client.PostFormAsync(link, [new("NewPassword", ""), new("ConfirmPassword", "")]);
        using var fine = await client.PostFormAsync(link, [new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);

        var shortHtml = await tooShort.Content.ReadAsStringAsync();
        Assert.That(shortHtml, Does.Contain("<a href=\"#NewPassword\">Password must be 8 characters or more, include a symbol (like ! or #), include a number and include a capital letter</a>").And.Contain("id=\"NewPassword-error\""));
        Assert.That(await different.Content.ReadAsStringAsync(), Does.Contain("<a href=\"#ConfirmPassword\">Enter the same password twice</a>"));
        Assert.That(await empty.Content.ReadAsStringAsync(), Does.Contain("<a href=\"#NewPassword\">Enter a new password</a>"));
        Assert.That(fine.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the refused attempts wrote nothing and used up nothing");
    }

    [Test]
    public async Task A_link_with_a_changed_token_or_no_token_does_not_work()
    {
        var user = await _site.AddUserAsync("tampered", OldPassword, "Editor");
        using var client = _site.NewClient();

        using var changed = await client.GetAsync($"/admin/reset-password?user={user.Id}&token=forged");
        using var none = await client.GetAsync("/admin/reset-password");
        using var posted = await client.PostFormAsync("/admin/forgot-password", [new("user", user.Id), new("Token", "forged"), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)], "/admin/reset-password");

        Assert.That(await changed.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"link-invalid\""));
        Assert.That(await none.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"link-invalid\""));
        Assert.That(await posted.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"link-invalid\""));
        using var old = _site.NewClient();
        await old.SignInAsync("tampered", OldPassword);
    }

    [Test]
    public async Task An_empty_request_names_the_field()
    {
        using var client = _site.NewClient();

        using var response = await client.PostFormAsync("/admin/forgot-password", [new("NameOrEmail", " ")]);

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<a href=\"#NameOrEmail\">Enter your user name or email</a>"));
    }

    [Test]
    public async Task A_reset_link_stops_working_when_its_lifetime_is_over()
    {
        await using var site = await AdminSite.StartAsync("--OneDigital:Admin:PasswordResetLifetime=00:00:01");
        await site.AddUserAsync("slow", OldPassword, "Editor");
        using var client = site.NewClient();
        using (await client.PostFormAsync("/admin/forgot-password", [new("NameOrEmail", "slow")])) { }
        var link = AccountSupport.ResetLink(AccountSupport.MailsTo(site, "slow@example.test").Single());

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        using var late = await client.GetAsync(link);

        Assert.That(await late.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"link-invalid\""));
    }

    /// <summary>The page without its antiforgery token, the one part that differs per request.</summary>
    private static string Normalized(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\"[^>]*>", "");
}
