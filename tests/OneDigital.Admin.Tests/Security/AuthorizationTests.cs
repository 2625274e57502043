using System.Net;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Security;

/// <summary>
/// Who may open the admin: anonymous visitors are sent to sign in, signed-in users without AccessAdminPanel get a 403
/// page, and the admin's cookie opens nothing under /api.
/// </summary>
public sealed class AuthorizationTests
{
    private const string Password = "Someone-Pa55word!";

    private AdminSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await AdminSite.StartAsync();
        await _site.AddUserAsync("reader", Password);
        await _site.AddUserAsync("contributor", Password, "Contributor");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [TestCase("/admin")]
    [TestCase("/admin/forbidden")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        using var client = _site.NewClient();

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.PathAndQuery, Is.EqualTo($"/admin/sign-in?returnUrl={Uri.EscapeDataString(path)}"));
    }

    [Test]
    public async Task A_signed_in_user_without_AccessAdminPanel_gets_403_and_a_page_that_says_so()
    {
        using var client = _site.NewClient();
        await client.SignInAsync("reader", Password);

        using var response = await client.GetAsync("/admin");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(html, Does.Contain("<h1 class=\"govuk-heading-l\">You do not have permission to do this</h1>"));
        Assert.That(html, Does.Contain("Signed in as <strong data-testid=\"signed-in-user\">reader</strong>"), "in the admin's layout, with sign-out");
        Assert.That(html, Does.Not.Contain("govuk-service-navigation__list"), "no menu entries the user may not follow");
    }

    [Test]
    public async Task The_forbidden_page_itself_answers_403()
    {
        using var client = await _site.SignedInAdminAsync();

        using var response = await client.GetAsync("/admin/forbidden");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("You do not have permission to do this"));
    }

    [Test]
    public async Task A_contributor_holding_AccessAdminPanel_sees_the_dashboard()
    {
        using var client = _site.NewClient();
        await client.SignInAsync("contributor", Password);

        using var response = await client.GetAsync("/admin");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_admin_cookie_does_not_authenticate_the_api_even_when_sent_there()
    {
        var draft = await _site.CreateItemAsync("BlogPost", "Not yet", publish: false);
        using var client = await _site.SignedInAdminAsync();

        // The browser would not send it (its path is /admin); this client sends it anyway.
        using var content = await client.GetAsync("/api/content/4x0000000000000000000000000");
        var withCookie = await DraftsQueryAsync(client);
        using var anonymous = _site.NewClient();
        var withoutCookie = await DraftsQueryAsync(anonymous);

        // Both answer as to an anonymous caller, who holds no AccessContentApi and may not read drafts.
        Assert.That(content.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(withCookie, Is.EqualTo(withoutCookie));
        Assert.That(withoutCookie, Does.Not.Contain(draft), "the draft is for editors only");
    }

    private static async Task<string> DraftsQueryAsync(AdminClient client)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/graphql")
        {
            Content = new StringContent("""{"query":"{ blogPost(status: LATEST) { contentItemId } }"}""", System.Text.Encoding.UTF8, "application/json"),
        });
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    [Test]
    public async Task Admin_pages_carry_their_own_content_security_policy_and_the_api_keeps_its_own()
    {
        using var client = _site.NewClient();

        using var admin = await client.GetAsync("/admin/sign-in");
        using var health = await client.GetAsync("/health");

        Assert.That(admin.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'; script-src 'self'; style-src 'self';"));
        Assert.That(health.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'; frame-ancestors 'none'"));
        Assert.That(admin.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
    }
}
