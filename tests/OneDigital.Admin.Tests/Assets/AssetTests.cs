using System.Net;
using System.Text.RegularExpressions;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Assets;

/// <summary>The admin's stylesheet and scripts are served from the assembly, with versioned URLs cached for a year.</summary>
public sealed partial class AssetTests
{
    [Test]
    public async Task The_stylesheets_and_scripts_the_layout_links_answer_200_with_long_cache_lifetimes()
    {
        await using var site = await AdminSite.StartAsync();
        using var client = site.NewClient();
        using var page = await client.GetAsync("/admin/sign-in");
        var urls = AssetUrl().Matches(await page.Content.ReadAsStringAsync()).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).ToList();

        Assert.That(urls, Has.Some.StartsWith("/admin/assets/lib/govuk-frontend/govuk-frontend.min.css?v="));
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=31536000, immutable"), url);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.AnyOf("text/css", "text/javascript", "application/javascript"), url);
        }
    }

    [Test]
    public async Task A_file_outside_the_admin_assets_is_not_served()
    {
        await using var site = await AdminSite.StartAsync();
        using var client = site.NewClient();

        using var missing = await client.GetAsync("/admin/assets/../appsettings.json");
        using var source = await client.GetAsync("/admin/assets/AdminServices.cs");

        Assert.That(missing.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        Assert.That(source.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>/admin/assets/[^\"]+)\"")]
    private static partial Regex AssetUrl();
}
