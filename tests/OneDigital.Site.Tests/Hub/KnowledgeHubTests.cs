// Why: the Knowledge Hub is how readers find shared learning: every kind together, newest first, narrowed by type,
// topic and region through a form whose address can be bookmarked, paged with real links and honest counts.
using System.Net;
using System.Text.RegularExpressions;
using OneDigital.Site.Models;
using OneDigital.Site.Tests.Pages;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Hub;

public sealed partial class KnowledgeHubTests
{
    private ReadersSite _site = null!;
    private string _newestTitle = "";

    // The setup recipe holds the four report parts (one on each topic); these add 25 posts on working with learners,
    // three case studies on working with Digital Champions (two in Wales), one event on learners, and one draft.
    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await ReadersSite.StartAsync();
        for (var i = 1; i <= 25; i++)
        {
            await _site.PostAsync($"Learners post {i:00}", topics: HubContent.Learners);
        }
        await _site.CaseStudyAsync("Champions in Cardiff", "wales", [HubContent.Champions]);
        await _site.CaseStudyAsync("Champions in Swansea", "wales", [HubContent.Champions]);
        await _site.CaseStudyAsync("Champions in Leeds", "england", [HubContent.Champions]);
        await _site.EventAsync("A learning set on learners", HubContent.Learners);
        await _site.PostAsync("A draft on learners", publish: false, topics: HubContent.Learners);
        _newestTitle = "A learning set on learners";
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task The_hub_lists_every_published_kind_newest_first_twenty_to_a_page_with_its_count()
    {
        var html = await _site.GetStringAsync("/knowledge-hub");

        Assert.Multiple(() =>
        {
            Assert.That(SeededPagesTests.H1s(html), Is.EqualTo(new[] { "Knowledge Hub" }));
            Assert.That(html, Does.Contain("Showing 1 to 20 of 33 items"));
            Assert.That(Titles(html), Has.Count.EqualTo(20));
            Assert.That(Titles(html)[0], Is.EqualTo(_newestTitle), "newest first");
            Assert.That(Titles(html)[1], Is.EqualTo("Champions in Leeds"));
            Assert.That(html, Does.Not.Contain("A draft on learners"));
            Assert.That(html, Does.Contain("<a class=\"govuk-link govuk-pagination__link\" href=\"/knowledge-hub?page=2\" rel=\"next\">"));
            Assert.That(html, Does.Contain("<link rel=\"canonical\" href=\"http://"));
        });
    }

    [Test]
    public async Task The_second_page_shows_the_rest_and_links_back_to_the_first()
    {
        var html = await _site.GetStringAsync("/knowledge-hub?page=2");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Showing 21 to 33 of 33 items"));
            Assert.That(Titles(html), Has.Count.EqualTo(13));
            Assert.That(Titles(html), Does.Contain("Working with learners"), "the oldest: the setup recipe's report parts");
            Assert.That(html, Does.Contain("href=\"/knowledge-hub\" rel=\"prev\""));
            Assert.That(html, Does.Contain("aria-label=\"Page 2\" aria-current=\"page\""));
            Assert.That(html, Does.Not.Contain("rel=\"next\""));
        });
    }

    [Test]
    public async Task A_topic_filter_keeps_every_kind_on_that_topic_and_stays_in_the_page_links()
    {
        var html = await _site.GetStringAsync("/knowledge-hub?topic=working-with-learners");
        var second = await _site.GetStringAsync("/knowledge-hub?topic=working-with-learners&page=2");

        Assert.Multiple(() =>
        {
            // 25 posts, the event and report part 1.
            Assert.That(html, Does.Contain("Showing 1 to 20 of 27 items"));
            Assert.That(html, Does.Contain("<option value=\"working-with-learners\" selected>Working with learners</option>"));
            Assert.That(html, Does.Contain("href=\"/knowledge-hub?topic=working-with-learners&amp;page=2\" rel=\"next\""));
            Assert.That(html, Does.Contain("href=\"/knowledge-hub\">Clear filters</a>"));
            Assert.That(Titles(second), Has.Count.EqualTo(7));
            Assert.That(Titles(html).Concat(Titles(second)), Has.None.StartsWith("Champions"));
        });
    }

    [Test]
    public async Task A_type_filter_lists_that_kind_only()
    {
        var html = await _site.GetStringAsync("/knowledge-hub?type=case-study&topic=");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Showing 3 items"));
            Assert.That(Titles(html), Is.EqualTo(new[] { "Champions in Leeds", "Champions in Swansea", "Champions in Cardiff" }));
            Assert.That(html, Does.Not.Contain("govuk-pagination"), "one page, no page links");
        });
    }

    [Test]
    public async Task A_region_narrows_the_hub_to_case_studies_in_it()
    {
        var html = await _site.GetStringAsync("/knowledge-hub?region=wales");

        Assert.That(Titles(html), Is.EqualTo(new[] { "Champions in Swansea", "Champions in Cardiff" }));
    }

    [Test]
    public async Task The_case_studies_list_filters_by_topic_and_region()
    {
        var all = await _site.GetStringAsync("/case-studies");
        var wales = await _site.GetStringAsync("/case-studies?topic=working-with-digital-champions&region=wales");
        var none = await _site.GetStringAsync("/case-studies?topic=working-with-learners");

        Assert.Multiple(() =>
        {
            Assert.That(SeededPagesTests.H1s(all), Is.EqualTo(new[] { "Case studies" }));
            Assert.That(all, Does.Contain("Showing 3 case studies"));
            Assert.That(all, Does.Not.Contain("id=\"filter-type\""), "case studies only: no type filter");
            Assert.That(Titles(wales), Is.EqualTo(new[] { "Champions in Swansea", "Champions in Cardiff" }));
            Assert.That(none, Does.Contain("No case studies found"));
        });
    }

    [TestCase("/knowledge-hub?topic=not-a-topic")]
    [TestCase("/knowledge-hub?type=Page")]
    [TestCase("/knowledge-hub?region=atlantis")]
    [TestCase("/knowledge-hub?page=0")]
    [TestCase("/knowledge-hub?page=two")]
    [TestCase("/knowledge-hub?page=3")]
    [TestCase("/knowledge-hub?topic=working-with-learners&topic=working-with-digital-champions")]
    [TestCase("/case-studies?type=blog-post")]
    [TestCase("/case-studies?page=2")]
    public async Task A_filter_value_or_page_the_list_does_not_offer_is_not_found(string path)
    {
        using var response = await _site.Http.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    /// <summary>The titles of the results, in order (each summary's h3).</summary>
    internal static List<string> Titles(string html) =>
        [.. SummaryTitle().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<h3 class=\"govuk-heading-s site-summary__title\">(?:<a [^>]*>)?([^<]*)")]
    private static partial Regex SummaryTitle();
}
