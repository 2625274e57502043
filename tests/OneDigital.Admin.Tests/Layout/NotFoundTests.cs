// Why: an unknown item's pages must answer 404 and still be a page of the admin, with a way back to the list.
using System.Net;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Layout;

public sealed class NotFoundTests
{
    private AdminSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await AdminSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [TestCase("/admin/content/no-such-item/edit")]
    [TestCase("/admin/content/no-such-item/versions")]
    [TestCase("/admin/content/no-such-item/preview")]
    [TestCase("/admin/content/no-such-item/schedule")]
    public async Task An_unknown_item_answers_404_with_the_admin_page_that_links_back_to_the_content_list(string path)
    {
        using var client = await _site.SignedInAdminAsync();

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(html, Does.Contain("<h1 class=\"govuk-heading-l\">Page not found</h1>"));
        Assert.That(html, Does.Contain("href=\"/admin/content\">Go to the content list</a>"));
        Assert.That(html, Does.Contain("govuk-service-navigation"), "in the admin's layout");
    }
}

/// <summary>In Chromium: the 404 page passes axe.</summary>
public sealed class NotFoundBrowserTests : BrowserTest
{
    [Test]
    public async Task The_not_found_page_has_no_axe_violations()
    {
        await SignInAsync();

        var response = await Page.GotoAsync("/admin/content/no-such-item/edit");

        Assert.That(response?.Status, Is.EqualTo(404));
        await Axe.AssertNoViolationsAsync(Page);
    }
}
