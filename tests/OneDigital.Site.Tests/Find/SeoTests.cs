// Why: search engines and link previews read the sitemap, robots.txt and each page's head; these tests read those
// as a crawler would, against the setup recipe's content and items an editor publishes and unpublishes.
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OneDigital.Content.Items;
using OneDigital.Site.Tests.Pages;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Find;

public sealed partial class SeoTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The setup recipe's published items with a route (taxonomies too: the site answers their paths).</summary>
    private static readonly string[] SeededPaths =
    [
        "/topics", "/regions", "/event-types",
        "/about-the-community-of-practice", "/sharing-learning", "/accessibility-statement", "/privacy-notice", "/blog",
        "/one-digital-observational-and-practice-based-learning-report",
        "/one-digital-observational-and-practice-based-learning-report/working-with-learners",
        "/one-digital-observational-and-practice-based-learning-report/working-with-digital-champions",
        "/one-digital-observational-and-practice-based-learning-report/partnerships-and-engagement",
        "/one-digital-observational-and-practice-based-learning-report/digital-maturity-and-transformation",
        "/evaluation-of-phase-1",
    ];

    private readonly List<string> _publishedHere = [];

    private ReadersSite _site = null!;

    private string Root => _site.Http.BaseAddress!.ToString().TrimEnd('/');

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ReadersSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task The_sitemap_lists_exactly_the_published_routable_items_and_the_home_page()
    {
        var draft = await _site.CreateAsync("Page", "Sitemap draft", publish: false);
        var published = await _site.CreateAsync("Page", "Sitemap published", publish: true);

        var urls = await SitemapAsync();

        Assert.That(urls.Keys, Is.EquivalentTo(new[] { "/", "/sitemap-published" }.Concat(SeededPaths).Concat(_publishedHere).Select(p => Root + p)));
        Assert.That(urls[Root + "/sitemap-published"], Is.EqualTo(published.ModifiedUtc!.Value.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(urls.Keys, Has.None.Contains("sitemap-draft"), draft.ContentItemId);

        await _site.WithContentAsync(async manager =>
        {
            await manager.UnpublishAsync((await manager.GetAsync(published.ContentItemId, VersionOptions.Published))!);
            return true;
        });

        Assert.That((await SitemapAsync()).Keys, Has.None.EqualTo(Root + "/sitemap-published"), "unpublished: gone at once");
    }

    [Test]
    public async Task Every_sitemap_address_is_a_page_of_the_site()
    {
        foreach (var url in (await SitemapAsync()).Keys)
        {
            using var response = await _site.Http.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        }
    }

    [Test]
    public async Task Robots_allows_the_site_keeps_out_of_the_admin_and_apis_and_names_the_sitemap()
    {
        using var response = await _site.Http.GetAsync("/robots.txt");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
            {
                "User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /api", $"Sitemap: {Root}/sitemap.xml",
            }));
        });
    }

    [TestCase("/", "website")]
    [TestCase("/about-the-community-of-practice", "article")]
    [TestCase("/blog", "article")]
    [TestCase("/one-digital-observational-and-practice-based-learning-report", "article")]
    [TestCase("/one-digital-observational-and-practice-based-learning-report/working-with-learners", "article")]
    [TestCase("/evaluation-of-phase-1", "article")]
    [TestCase("/accessibility-statement", "article")]
    [TestCase("/privacy-notice", "article")]
    [TestCase("/search?q=digital", "website")]
    public async Task Every_page_type_has_a_description_a_canonical_link_and_open_graph(string path, string type)
    {
        var html = await _site.GetStringAsync(path);
        var canonical = Root + path.Split('?')[0];
        var description = Meta(html, "name", "description");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain($"<link rel=\"canonical\" href=\"{canonical}\">"));
            Assert.That(description, Is.Not.Empty.And.Length.LessThanOrEqualTo(160));
            Assert.That(description, Does.Not.Contain("<").And.Not.Contain("#"), "plain text");
            Assert.That(Meta(html, "property", "og:title"), path == "/" ? Is.Not.Empty : Is.EqualTo(SeededPagesTests.H1s(html).Single()));
            Assert.That(Meta(html, "property", "og:description"), Is.EqualTo(description));
            Assert.That(Meta(html, "property", "og:url"), Is.EqualTo(canonical));
            Assert.That(Meta(html, "property", "og:type"), Is.EqualTo(type));
        });
    }

    [Test]
    public async Task A_summary_field_is_the_description()
    {
        var html = await _site.GetStringAsync("/one-digital-observational-and-practice-based-learning-report/working-with-learners");

        Assert.That(Meta(html, "name", "description"), Is.EqualTo("Part 1 of the One Digital observational and practice based learning report from our first year of learning."));
    }

    [Test]
    public async Task Without_a_summary_the_description_is_the_bodys_first_sentence_as_plain_text()
    {
        await PublishAsync("Page", "Described page",
            markdown: "## A heading\n\nWe help **people** get [online](/x), e.g. by phone. Then a second sentence follows.");
        var html = await _site.GetStringAsync("/described-page");

        Assert.That(Meta(html, "name", "description"), Is.EqualTo("We help people get online, e.g. by phone."));
    }

    [Test]
    public async Task A_long_first_sentence_is_cut_at_a_word_within_160_characters()
    {
        var html = await _site.GetStringAsync("/about-the-community-of-practice");
        var description = Meta(html, "name", "description");

        Assert.That(description, Does.StartWith("The role of the One Digital Community of Practice is to share learning"));
        Assert.That(description, Does.EndWith("…").And.Length.LessThanOrEqualTo(160));
    }

    [Test]
    public async Task An_item_with_an_image_has_it_as_the_open_graph_image()
    {
        var path = await PublishAsync("CaseStudy", "Pictured case study", change: item =>
            item.GetOrCreatePart("CaseStudy")["Image"] = new JsonObject
            {
                ["Paths"] = new JsonArray("case-studies/library.jpg"),
                ["MediaTexts"] = new JsonArray("A library"),
            });
        var html = await _site.GetStringAsync(path);

        Assert.That(Meta(html, "property", "og:image"), Is.EqualTo(Root + "/media/case-studies/library.jpg"));
    }

    [Test]
    public async Task Pages_without_an_image_have_no_open_graph_image()
    {
        var html = await _site.GetStringAsync("/privacy-notice");

        Assert.That(html, Does.Not.Contain("og:image"));
    }

    [Test]
    public async Task Search_and_404_pages_ask_not_to_be_indexed_and_item_pages_do_not()
    {
        using var missing = await _site.Http.GetAsync("/no-such-page");
        Assert.Multiple(async () =>
        {
            Assert.That(await _site.GetStringAsync("/search?q=digital"), Does.Contain("<meta name=\"robots\" content=\"noindex\">"));
            Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("<meta name=\"robots\" content=\"noindex\">"));
            Assert.That(await _site.GetStringAsync("/privacy-notice"), Does.Not.Contain("noindex"));
        });
    }

    [Test]
    public async Task The_404_page_offers_search_and_the_main_sections()
    {
        using var response = await _site.Http.GetAsync("/no-such-page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(html, Does.Contain("id=\"not-found-search\""));
            Assert.That(html, Does.Contain("href=\"/knowledge-hub\"").And.Contain("href=\"/events\""));
        });
    }

    [Test]
    public async Task The_privacy_notice_says_what_is_kept_why_for_how_long_and_how_to_leave()
    {
        var html = await _site.GetStringAsync("/privacy-notice");

        Assert.Multiple(() =>
        {
            Assert.That(SeededPagesTests.H1s(html), Is.EqualTo(new[] { "Privacy notice" }));
            Assert.That(html, Does.Contain("The e-bulletin").And.Contain("Sharing your learning"));
            Assert.That(html, Does.Contain("How to unsubscribe").And.Contain("to delete it (erase it)"));
            Assert.That(html, Does.Contain("We keep your email address until you unsubscribe"));
        });
    }

    [Test]
    public async Task The_accessibility_statement_is_a_page_editors_own()
    {
        var html = await _site.GetStringAsync("/accessibility-statement");

        Assert.That(SeededPagesTests.H1s(html), Is.EqualTo(new[] { "Accessibility statement" }));
        Assert.That(html, Does.Contain("WCAG").And.Contain("Reporting accessibility problems"));
    }

    private async Task<Dictionary<string, string?>> SitemapAsync()
    {
        using var response = await _site.Http.GetAsync("/sitemap.xml");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(xml.Root?.Name, Is.EqualTo(Sitemap + "urlset"));
        return xml.Root!.Elements(Sitemap + "url").ToDictionary(u => u.Element(Sitemap + "loc")!.Value, u => u.Element(Sitemap + "lastmod")?.Value);
    }

    /// <summary>Publishes an item the sitemap test then expects too; its path.</summary>
    private async Task<string> PublishAsync(string type, string title, string? markdown = null, Action<ContentItem>? change = null)
    {
        var item = await _site.CreateAsync(type, title, publish: true, markdown, change);
        var path = "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        _publishedHere.Add(path);
        return path;
    }

    private static string Meta(string html, string attribute, string name)
    {
        var match = Regex.Match(html, $"<meta {attribute}=\"{Regex.Escape(name)}\" content=\"([^\"]*)\">");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
    }
}
