// Why: the host sends one Content-Security-Policy per path; the site's must reach every page of the site (errors and
// cached pages too) and nothing else, and a policy the host declares for a path under the site must win, not be
// doubled or overwritten. Over real HTTP, as a browser receives it.
using OneDigital.Site.Tests.Support;
using OneDigital.Web.Security;

namespace OneDigital.Site.Tests.Pages;

public sealed class ContentSecurityPolicyTests
{
    private const string BlogPolicy = "default-src 'self'; img-src 'self' https:; frame-ancestors 'self'";

    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ReadersSite.StartAsync(s => s.AddContentSecurityPolicy("/blog", BlogPolicy));

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private async Task<string[]> PoliciesAsync(string path, HttpMethod? method = null)
    {
        using var response = await _site.Http.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, path));
        return response.Headers.TryGetValues("Content-Security-Policy", out var values) ? [.. values] : [];
    }

    [TestCase("/")]
    [TestCase("/knowledge-hub")]
    [TestCase("/events")]
    [TestCase("/no-such-page")]
    [TestCase("/graphql")]
    [TestCase("/search?q=digital")]
    public async Task Site_pages_cached_or_not_carry_the_sites_policy_once(string path)
    {
        var first = await PoliciesAsync(path);
        var second = await PoliciesAsync(path);

        Assert.That(first, Is.EqualTo(new[] { SiteServices.ContentSecurityPolicy }));
        Assert.That(second, Is.EqualTo(new[] { SiteServices.ContentSecurityPolicy }), "served again (from the output cache where cached)");
    }

    [TestCase("/blog")]
    [TestCase("/blog/rss.xml")]
    public async Task A_policy_the_host_declares_under_the_site_is_the_one_sent(string path)
    {
        var first = await PoliciesAsync(path);
        var second = await PoliciesAsync(path);

        Assert.That(first, Is.EqualTo(new[] { BlogPolicy }));
        Assert.That(second, Is.EqualTo(new[] { BlogPolicy }));
    }

    [TestCase("/api/graphql?query=%7B__typename%7D")]
    [TestCase("/api/no-such-api")]
    [TestCase("/health")]
    [TestCase("/connect/token")]
    public async Task The_APIs_get_the_API_policy_and_never_the_sites(string path)
    {
        Assert.That(await PoliciesAsync(path), Is.EqualTo(new[] { ContentSecurityPolicyOptions.Api }));
    }

    [Test]
    public async Task The_admin_keeps_its_own_policy()
    {
        var policies = await PoliciesAsync("/admin/sign-in");

        Assert.That(policies, Has.Length.EqualTo(1));
        Assert.That(policies[0], Is.Not.EqualTo(SiteServices.ContentSecurityPolicy).And.StartWith("default-src 'none'; script-src 'self'"));
    }
}
