// Why: an administrator registers a partner without the command line: the secret is shown once and works at
// /connect/token, a new secret ends the old one and its tokens, revoking ends everything, bad input is refused with a
// message beside the field, and only ManageApplications opens the pages.
using System.Net;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;
using OneDigital.Admin.Tests.Users;
using static OneDigital.Admin.Tests.Integrations.IntegrationSupport;

namespace OneDigital.Admin.Tests.Integrations;

public sealed class PartnerPageTests : AdminSiteTests
{
    private const string Password = "Someone-Pa55word!";
    private string _article = "";

    protected override Task<AdminSite> StartSiteAsync() => AdminSite.StartAsync(SiteArguments);

    protected override async Task PrepareAsync()
    {
        await Site.AddUserAsync("editor", Password, "Editor");
        _article = await Site.CreateItemAsync("Page", "Partner reading", publish: true);
    }

    private Task<HttpResponseMessage> RegisterAsync(string clientId, params string[] roles) =>
        Admin.PostFormAsync("/admin/partners/new",
            [new("ClientId", clientId), new("DisplayName", $"{clientId} site"), .. roles.Select(r => new KeyValuePair<string, string>("Roles", r))]);

    [Test]
    public async Task A_registered_application_gets_a_token_with_the_secret_shown_once_and_a_new_secret_ends_the_old_one_and_its_tokens()
    {
        using var registered = await RegisterAsync("reader-site", "Administrator");
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await registered.Content.ReadAsStringAsync());
        var page = registered.Headers.Location!.OriginalString;
        Assert.That(page, Does.StartWith("/admin/partners/reader-site"));

        var shown = await Admin.HtmlAsync(page);
        var secret = ShownSecret(shown);
        Assert.That(secret, Is.Not.Null.And.Length.GreaterThanOrEqualTo(32), "the secret is on the page after registering");
        Assert.That(ShownSecret(await Admin.HtmlAsync(page)), Is.Null, "and on that page only");

        var token = await TokenAsync(Site.Address, "reader-site", secret!);
        Assert.That(await ApiStatusAsync(Site.Address, token, _article), Is.EqualTo(HttpStatusCode.OK));
        var list = await Admin.HtmlAsync("/admin/partners");
        Assert.That(list, Does.Contain("reader-site").And.Contain("Administrator").And.Not.Contain(">Never<"), "the last token issued is listed");

        using var rotated = await Admin.PostFormAsync(page, [], "/admin/partners/reader-site?handler=rotate");
        Assert.That(rotated.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var newSecret = ShownSecret(await Admin.HtmlAsync(rotated.Headers.Location!.OriginalString));
        Assert.That(newSecret, Is.Not.Null.And.Not.EqualTo(secret));
        using (var old = await RequestTokenAsync(Site.Address, "reader-site", secret!))
        {
            Assert.That(old.IsSuccessStatusCode, Is.False, "the old secret is refused");
        }
        Assert.That(await ApiStatusAsync(Site.Address, token, _article), Is.EqualTo(HttpStatusCode.Unauthorized), "the old token is refused");
        var newToken = await TokenAsync(Site.Address, "reader-site", newSecret!);

        using var revoked = await Admin.PostFormAsync("/admin/partners/reader-site/revoke", []);
        Assert.That(revoked.Headers.Location!.OriginalString, Is.EqualTo("/admin/partners?revoked=reader-site"));
        Assert.That(await ApiStatusAsync(Site.Address, newToken, _article), Is.EqualTo(HttpStatusCode.Unauthorized), "a revoked application's token is refused");
        await Admin.HtmlAsync("/admin/partners/reader-site", HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Registering_refuses_an_empty_or_malformed_or_taken_client_id_and_no_roles_saying_why()
    {
        using (var first = await RegisterAsync("taken-site", "Editor"))
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }
        using var taken = await RegisterAsync("taken-site", "Editor");
        using var empty = await RegisterAsync("  ", "Editor");
        using var malformed = await RegisterAsync("has spaces/slash", "Editor");
        using var noRoles = await RegisterAsync("no-roles-site");

        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await taken.Content.ReadAsStringAsync(), Does.Contain("govuk-error-summary").And.Contain("taken-site").And.Contain("is already registered"));
        Assert.That(await empty.Content.ReadAsStringAsync(), Does.Contain("Enter a client id"));
        Assert.That(await malformed.Content.ReadAsStringAsync(), Does.Contain("A client id can only have letters"));
        Assert.That(await noRoles.Content.ReadAsStringAsync(), Does.Contain("Choose at least one role"));
        var list = await Admin.HtmlAsync("/admin/partners");
        Assert.That(list, Does.Not.Contain("no-roles-site"));
    }

    [Test]
    public async Task Registering_changing_a_new_secret_and_revoking_are_each_audited_with_who_did_it()
    {
        string secret;
        using (var registered = await RegisterAsync("audited-site", "Editor"))
        {
            secret = ShownSecret(await Admin.HtmlAsync(registered.Headers.Location!.OriginalString))!;
        }
        using (await Admin.PostFormAsync("/admin/partners/audited-site", [new("DisplayName", "Audited"), new("Roles", "Editor"), new("Roles", "Author")])) { }
        using (await Admin.PostFormAsync("/admin/partners/audited-site", [], "/admin/partners/audited-site?handler=rotate")) { }
        using (await Admin.PostFormAsync("/admin/partners/audited-site/revoke", [])) { }

        var rows = (await UsersSupport.AuditAsync(Site, AuditKind.PartnerRegistered, AuditKind.PartnerChanged, AuditKind.PartnerSecretRotated, AuditKind.PartnerRevoked))
            .Where(e => e.DisplayText == "Partner audited-site").OrderBy(e => e.OccurredUtc).ToList();
        Assert.That(rows.Select(e => e.Kind), Is.EqualTo(new[] { AuditKind.PartnerRegistered, AuditKind.PartnerChanged, AuditKind.PartnerSecretRotated, AuditKind.PartnerRevoked }));
        Assert.That(rows.Select(e => e.UserName).Distinct(), Is.EqualTo(new[] { AdminSite.AdminUserName }));
        Assert.That(rows[0].Detail, Is.EqualTo("roles: Editor"));
        Assert.That(rows[1].Detail, Is.EqualTo("name 'audited-site site' → 'Audited'; roles added: Author"));
        Assert.That(rows.Select(e => e.Detail), Has.None.Contains(secret), "the secret is not written to the trail");
    }

    [Test]
    public async Task Without_ManageApplications_the_pages_and_the_posts_are_forbidden()
    {
        using var editor = Site.NewClient();
        await editor.SignInAsync("editor", Password);
        using (var list = await editor.GetAsync("/admin/partners"))
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }
        var token = AdminClient.AntiforgeryToken(await editor.HtmlAsync("/admin/account/password"));
        using var post = await editor.PostRawAsync("/admin/partners/new",
            [new("ClientId", "sneaky"), new("Roles", "Administrator"), new(AdminClient.AntiforgeryField, token)]);
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await Admin.HtmlAsync("/admin/partners"), Does.Not.Contain("sneaky"));
    }
}
