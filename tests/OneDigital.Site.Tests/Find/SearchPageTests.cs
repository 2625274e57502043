// Why: readers find the Community of Practice's learning by searching; these tests read as what a reader sees on
// /search: the right items, the words marked and nothing else turned into HTML, filters and pages as real links,
// and a helpful page (never an error) when nothing is found or nothing can be searched for.
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Search.Tasks;
using OneDigital.Site.Tests.Pages;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Find;

public sealed partial class SearchPageTests
{
    private const string ReportPart = "/one-digital-observational-and-practice-based-learning-report/working-with-digital-champions";

    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await ReadersSite.StartAsync();
        for (var i = 1; i <= 12; i++)
        {
            await _site.CreateAsync("Page", $"Allotment gardening tips {i}", publish: true, markdown: $"Tip {i}: allotment gardening with neighbours.");
        }
        await _site.CreateAsync("Page", "Costs <b>Allotment</b> & more", publish: true, markdown: "Fees for an allotment <script>alert(1)</script> & tools.");
        await _site.CreateAsync("Page", "Zanzibarian draft", publish: false, markdown: "Nobody may find this zanzibarian draft.");
        await CatchUpAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private async Task CatchUpAsync()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync();
    }

    [Test]
    public async Task Searching_digital_champions_finds_the_report_part_with_the_words_marked()
    {
        var html = await _site.GetStringAsync("/search?q=digital+champions");

        Assert.Multiple(() =>
        {
            Assert.That(SeededPagesTests.H1s(html), Is.EqualTo(new[] { "Search results" }));
            Assert.That(html, Does.Match(@"\d+ results for “digital champions”"));
            Assert.That(html, Does.Contain($"<a class=\"govuk-link\" href=\"{ReportPart}\">Working with <mark>Digital</mark> <mark>Champions</mark></a>"));
            Assert.That(Snippets(html), Has.Some.Contain("<mark>Digital</mark> <mark>Champions</mark>").Or.Some.Contain("<mark>digital</mark> <mark>champions</mark>"));
            Assert.That(html, Does.Contain("<p class=\"govuk-body-s site-meta\">Report, <time datetime="), "type and date");
            Assert.That(html, Does.Contain("<meta name=\"robots\" content=\"noindex\">"));
            Assert.That(html, Does.Contain("value=\"digital champions\""), "the box shows the words again");
        });
    }

    [Test]
    public async Task Titles_and_snippets_keep_only_the_marks_as_html()
    {
        var html = await _site.GetStringAsync("/search?q=costs+allotment+fees");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<mark>Costs</mark> &lt;b&gt;<mark>Allotment</mark>&lt;/b&gt; &amp; more"));
            Assert.That(html, Does.Not.Contain("<b>Allotment").And.Not.Contain("<script>alert"));
        });
    }

    [Test]
    public void Marked_text_keeps_balanced_marks_and_encodes_every_other_tag()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Search.MarkedText.Safe("a &lt;b&gt; <mark>c</mark> &amp; d").Value, Is.EqualTo("a &lt;b&gt; <mark>c</mark> &amp; d"));
            Assert.That(Search.MarkedText.Safe("<b>x</b> <mark>y").Value, Is.EqualTo("&lt;b&gt;x&lt;/b&gt; <mark>y</mark>"));
            Assert.That(Search.MarkedText.Safe("</mark><img src=x onerror=alert(1)>").Value, Is.EqualTo("&lt;img src=x onerror=alert(1)&gt;"));
        });
    }

    [Test]
    public async Task Type_filters_are_links_with_counts_that_narrow_the_results()
    {
        var html = await _site.GetStringAsync("/search?q=digital");
        var reports = Regex.Match(html, "<a class=\"govuk-link\" href=\"(/search\\?q=digital&amp;type=Report)\">Report \\((\\d+)\\)</a>");
        Assert.That(reports.Success, Is.True, "a filter link for reports with its count");

        var filtered = await _site.GetStringAsync(WebUtility.HtmlDecode(reports.Groups[1].Value));

        Assert.Multiple(() =>
        {
            Assert.That(filtered, Does.Contain($"{reports.Groups[2].Value} results for “digital”").Or.Contain("1 result for “digital”"));
            Assert.That(Regex.Matches(filtered, "<p class=\"govuk-body-s site-meta\">([^,<]+)").Select(m => m.Groups[1].Value).Distinct(), Is.EqualTo(new[] { "Report" }));
            Assert.That(filtered, Does.Contain("<strong aria-current=\"true\">Report ("));
            Assert.That(filtered, Does.Contain("href=\"/search?q=digital\">remove"), "a link that removes the filter");
        });
    }

    [Test]
    public async Task Topic_filters_name_the_topic_and_narrow_the_results()
    {
        var html = await _site.GetStringAsync("/search?q=report");
        var topic = Regex.Match(html, "<a class=\"govuk-link\" href=\"(/search\\?q=report&amp;topic=[^\"]+)\">Working with Digital Champions \\((\\d+)\\)</a>");
        Assert.That(topic.Success, Is.True, "the topic's name and count, from the Topics taxonomy");

        var filtered = await _site.GetStringAsync(WebUtility.HtmlDecode(topic.Groups[1].Value));

        Assert.That(ResultLinks(filtered), Does.Contain(ReportPart));
        Assert.That(ResultLinks(filtered), Has.Count.EqualTo(int.Parse(topic.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Results_are_paged_with_real_links()
    {
        var first = await _site.GetStringAsync("/search?q=gardening+tips");
        var second = await _site.GetStringAsync("/search?q=gardening+tips&page=2");

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain("12 results for “gardening tips”, showing 1 to 10"));
            Assert.That(ResultLinks(first), Has.Count.EqualTo(10));
            Assert.That(first, Does.Contain("href=\"/search?q=gardening%20tips&amp;page=2\" rel=\"next\""));
            Assert.That(first, Does.Contain("aria-label=\"Page 1\" aria-current=\"page\""));
            Assert.That(ResultLinks(second), Has.Count.EqualTo(2));
            Assert.That(second, Does.Contain("showing 11 to 12"));
            Assert.That(second, Does.Contain("href=\"/search?q=gardening%20tips\" rel=\"prev\""));
            Assert.That(ResultLinks(first).Intersect(ResultLinks(second)), Is.Empty);
        });
    }

    [Test]
    public async Task No_results_suggest_what_to_try_next()
    {
        using var response = await _site.Http.GetAsync("/search?q=qwxzv+plimsoll");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("No results for “qwxzv plimsoll”"));
            Assert.That(html, Does.Contain("checking your spelling"));
            Assert.That(html, Does.Contain("using fewer words"));
            Assert.That(html, Does.Contain("<a class=\"govuk-link\" href=\"/knowledge-hub\">Knowledge Hub</a>"));
        });
    }

    [Test]
    public async Task A_misspelling_finds_similar_words_and_says_so()
    {
        var html = await _site.GetStringAsync("/search?q=chamipons");

        Assert.That(html, Does.Contain("No results matched “chamipons” exactly"));
        Assert.That(ResultLinks(html), Does.Contain(ReportPart));
    }

    [TestCase("/search", "Enter the words you want to search for.")]
    [TestCase("/search?q=+++", "Enter the words you want to search for.")]
    public async Task An_empty_query_gets_a_plain_message(string path, string message)
    {
        var html = await _site.GetStringAsync(path);

        Assert.That(html, Does.Contain(message));
        Assert.That(SeededPagesTests.H1s(html), Is.EqualTo(new[] { "Search" }));
    }

    [Test]
    public async Task An_over_long_query_gets_a_plain_message_not_an_error()
    {
        var html = await _site.GetStringAsync("/search?q=" + string.Concat(Enumerable.Repeat("digital+", 60)));

        Assert.That(html, Does.Contain("Your search is too long. Use 200 characters or fewer."));
        Assert.That(ResultLinks(html), Is.Empty);
    }

    [TestCase("page=abc")]
    [TestCase("page=-3")]
    [TestCase("page=99999999999")]
    [TestCase("type=NoSuchType")]
    public async Task Odd_paging_and_filter_values_still_answer_a_page(string extra)
    {
        using var response = await _site.Http.GetAsync("/search?q=digital&" + extra);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Drafts_are_never_found()
    {
        var html = await _site.GetStringAsync("/search?q=zanzibarian");

        Assert.That(html, Does.Contain("No results for “zanzibarian”"));
    }

    [Test]
    public async Task A_published_item_is_found_once_indexed_and_gone_once_unpublished()
    {
        var item = await _site.CreateAsync("Page", "Quokka outreach", publish: true, markdown: "Quokka volunteers.");
        await CatchUpAsync();
        Assert.That(ResultLinks(await _site.GetStringAsync("/search?q=quokka")), Is.EqualTo(new[] { "/quokka-outreach" }));

        await _site.WithContentAsync(async manager =>
        {
            await manager.UnpublishAsync((await manager.GetAsync(item.ContentItemId, VersionOptions.Published))!);
            return true;
        });
        await CatchUpAsync();

        Assert.That(ResultLinks(await _site.GetStringAsync("/search?q=quokka")), Is.Empty);
    }

    [Test]
    public async Task A_search_page_is_served_from_the_cache_but_never_behind_the_index()
    {
        const string path = "/search?q=wombat";
        Assert.That(ResultLinks(await _site.GetStringAsync(path)), Is.Empty);
        using (var again = await _site.Http.GetAsync(path))
        {
            Assert.That(again.Headers.Age, Is.Not.Null, "the second visit is served from the output cache");
        }

        await _site.CreateAsync("Page", "Wombat workshops", publish: true, markdown: "Wombat volunteers.");
        // Rendered under the new change stamp, perhaps before the index has the page: cached, but keyed on the index.
        await _site.GetStringAsync(path);
        await CatchUpAsync();

        Assert.That(ResultLinks(await _site.GetStringAsync(path)), Is.EqualTo(new[] { "/wombat-workshops" }));
    }

    private static List<string> ResultLinks(string html) =>
        [.. ResultTitle().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<string> Snippets(string html) =>
        [.. Snippet().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<h3 class=\"govuk-heading-s site-result__title\"><a class=\"govuk-link\" href=\"([^\"]+)\">")]
    private static partial Regex ResultTitle();

    [GeneratedRegex("<p class=\"govuk-body site-result__snippet\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex Snippet();
}
