using System.Net;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Account;

/// <summary>
/// A web farm: two nodes on one PostgreSQL store share the data-protection keys, so a sign-in, a form's antiforgery
/// token, a reset link and the two-factor step made on one node are accepted by the other.
/// </summary>
public sealed class MultiNodeTests
{
    private const string Password = "Editor-Pa55word!";
    private AdminSite _first = null!;
    private AdminSite _second = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _first = await AdminSite.StartPostgresAsync();
        _second = await _first.StartOtherNodeAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        // Without a PostgreSQL server the set-up is ignored before any node starts: only what was made is stopped.
        if (_second is not null) await _second.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
    }

    [Test]
    public async Task Signed_in_on_one_node_the_editor_is_signed_in_on_the_other_and_a_form_from_one_posts_to_the_other()
    {
        await _first.AddUserAsync("farmer", Password, "Editor");
        using var client = _first.NewClient();
        await client.SignInAsync("farmer", Password);

        using var dashboard = await client.GetAsync(new Uri(_second.Address, "/admin").ToString());
        using var posted = await client.PostFormAsync("/admin/account/email",
            [new("Email", "farmer@farm.example"), new("CurrentPassword", Password)],
            new Uri(_second.Address, "/admin/account/email").ToString());
        using var account = await client.GetAsync("/admin/account");

        Assert.That(_first.Address, Is.Not.EqualTo(_second.Address));
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await dashboard.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"signed-in-user\">farmer<"));
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "node B accepted node A's antiforgery token");
        Assert.That(posted.Headers.Location?.ToString(), Is.EqualTo("/admin/account?changed=email"));
        Assert.That(await account.Content.ReadAsStringAsync(), Does.Contain("farmer@farm.example"), "node A reads what node B wrote");
    }

    [Test]
    public async Task A_reset_link_emailed_by_one_node_works_on_the_other()
    {
        await _first.AddUserAsync("roaming", Password, "Editor");
        using var client = _first.NewClient();
        using (await client.PostFormAsync("/admin/forgot-password", [new("NameOrEmail", "roaming")])) { }
        var link = AccountSupport.ResetLink(AccountSupport.MailsTo(_first, "roaming@example.test").Single());

        using var reset = await client.PostFormAsync(new Uri(_second.Address, link).ToString(),
            [new("NewPassword", "Farm-Pa55word!"), new("ConfirmPassword", "Farm-Pa55word!")]);
        using var signIn = _second.NewClient();
        await signIn.SignInAsync("roaming", "Farm-Pa55word!");

        Assert.That(reset.Headers.Location?.ToString(), Is.EqualTo("/admin/sign-in?reset=done"));
    }

    [Test]
    public async Task The_password_step_on_one_node_and_the_code_on_the_other_sign_in()
    {
        await _first.AddUserAsync("two-step", Password, "Editor");
        using var setup = _first.NewClient();
        await setup.SignInAsync("two-step", Password);
        var (key, _) = await AccountSupport.EnableTwoFactorAsync(setup);
        using var client = _first.NewClient();

        using (await client.PostSignInAsync("two-step", Password)) { }
        using var code = await client.PostFormAsync(new Uri(_second.Address, "/admin/sign-in/two-factor").ToString(), [new("Code", Totp.Code(key))]);

        Assert.That(code.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(code.Headers.Location?.ToString(), Is.EqualTo("/admin"));
        Assert.That(client.IsSignedIn, Is.True);
    }
}
