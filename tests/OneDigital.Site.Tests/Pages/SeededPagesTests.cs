// Why: the setup recipe's content is what a new site opens with; each of its types must render at its path, in the
// layout, with the landmarks and the single h1 every page of a public service needs.
using System.Net;
using System.Text.RegularExpressions;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Pages;

public sealed partial class SeededPagesTests
{
    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ReadersSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [TestCase("/about-the-community-of-practice", "About the Community of Practice", "integral to the project’s development")]
    [TestCase("/sharing-learning", "Sharing learning", "Knowledge Hub")]
    [TestCase("/blog", "Blog", "No blog posts yet.")]
    [TestCase("/one-digital-observational-and-practice-based-learning-report", "One Digital observational and practice based learning report", "Digital maturity and transformation")]
    [TestCase("/one-digital-observational-and-practice-based-learning-report/partnerships-and-engagement", "Partnerships and Engagement", "Part 3 of the One Digital")]
    [TestCase("/evaluation-of-phase-1", "Evaluation of Phase 1", "1179")]
    public async Task Each_seeded_item_renders_at_its_path_in_the_layout(string path, string title, string text)
    {
        var html = await _site.GetStringAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(H1s(html), Is.EqualTo(new[] { title }), "one h1, the item's title");
            Assert.That(html, Does.Contain(text));
            Assert.That(html, Does.Contain("<html lang=\"en-GB\""));
            Assert.That(html, Does.Contain("href=\"#main-content\""), "skip link");
            Assert.That(html, Does.Contain("<main class=\"govuk-main-wrapper\" id=\"main-content\""));
            Assert.That(html, Does.Contain("action=\"/search\""), "a search box on every page");
            Assert.That(html, Does.Contain($"<link rel=\"canonical\" href=\"{_site.Http.BaseAddress!.ToString().TrimEnd('/')}{path}\">"));
            Assert.That(html, Does.Contain("<meta name=\"description\""));
        });
    }

    [Test]
    public async Task Markdown_bodies_are_rendered_as_sanitized_html()
    {
        var html = await _site.GetStringAsync("/about-the-community-of-practice");

        Assert.That(html, Does.Contain("<h2 id=\"what-is-the-community-of-practice\">What is the Community of Practice?</h2>")
            .Or.Contain("<h2>What is the Community of Practice?</h2>"));
        Assert.That(html, Does.Not.Contain("## What is"));
    }

    [Test]
    public async Task The_home_page_says_what_the_community_of_practice_is_and_lists_the_newest_content()
    {
        var html = await _site.GetStringAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(H1s(html), Is.EqualTo(new[] { "One Digital Community of Practice" }));
            Assert.That(html, Does.Contain("The role of the One Digital Community of Practice is to share learning"), "the HomeRoute item's body");
            Assert.That(html, Does.Contain("Latest blog posts"));
            Assert.That(html, Does.Contain("Case studies"));
            Assert.That(html, Does.Contain("Events and workshops"));
            Assert.That(html, Does.Contain("Sign up for our e-bulletin"));
        });
    }

    [Test]
    public async Task The_navigation_marks_the_section_the_reader_is_in()
    {
        var html = await _site.GetStringAsync("/blog");

        Assert.That(html, Does.Match("<a class=\"govuk-service-navigation__link\" href=\"/blog\" aria-current=\"page\">"));
        Assert.That(html, Does.Match("<a class=\"govuk-service-navigation__link\" href=\"/\">Home</a>"));
    }

    [Test]
    public async Task A_path_no_item_has_is_the_404_page_with_a_search_box()
    {
        using var response = await _site.Http.GetAsync("/no-such-page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(H1s(html), Is.EqualTo(new[] { "Page not found" }));
            Assert.That(html, Does.Contain("<form class=\"site-search\" action=\"/search\" method=\"get\""));
            Assert.That(html, Does.Contain("<meta name=\"robots\" content=\"noindex\">"));
        });
    }

    [Test]
    public async Task Paths_the_apis_own_are_not_the_sites()
    {
        using var response = await _site.Http.GetAsync("/api/no-such-api");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("text/html"));
    }

    [Test]
    public async Task Site_pages_carry_their_own_content_security_policy()
    {
        using var response = await _site.Http.GetAsync("/");

        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(SiteServices.ContentSecurityPolicy));
    }

    internal static string[] H1s(string html) =>
        [.. H1().Matches(html).Select(m => WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")).Trim())];

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
