// Why: the learning report is read in order, part after part; the series page and each part's previous/next links must
// follow the editors' list order, and the PDF link must say its format and size so readers on metered data can choose.
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Media;
using OneDigital.Content.Store;
using OneDigital.Site.Models;
using OneDigital.Site.Reports;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Reports;

public sealed partial class ReportPagesTests
{
    private const string Series = "/one-digital-observational-and-practice-based-learning-report";

    private static readonly string[] SeededParts =
    [
        "Part 1: Working with learners",
        "Part 2: Working with Digital Champions",
        "Part 3: Partnerships and Engagement",
        "Part 4: Digital maturity and transformation",
    ];

    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ReadersSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task The_series_page_lists_its_four_parts_in_order_each_linking_to_its_page()
    {
        var html = await _site.GetStringAsync(Series);

        Assert.That(PartLinks(html), Is.EqualTo(SeededParts));
        Assert.That(html, Does.Contain($"href=\"{Series}/working-with-learners\">Part 1: Working with learners</a>"));
    }

    [TestCase("working-with-learners", null, "Part 2: Working with Digital Champions")]
    [TestCase("working-with-digital-champions", "Part 1: Working with learners", "Part 3: Partnerships and Engagement")]
    [TestCase("partnerships-and-engagement", "Part 2: Working with Digital Champions", "Part 4: Digital maturity and transformation")]
    [TestCase("digital-maturity-and-transformation", "Part 3: Partnerships and Engagement", null)]
    public async Task Each_part_links_to_the_parts_before_and_after_it_in_a_named_navigation(string slug, string? previous, string? next)
    {
        var html = await _site.GetStringAsync($"{Series}/{slug}");

        var nav = Nav().Match(html);
        Assert.That(nav.Success, Is.True, "a <nav> named for the report's parts");
        Assert.Multiple(() =>
        {
            Assert.That(LinkName(nav.Value, "prev"), Is.EqualTo(previous is null ? null : $"Previous: {previous}"));
            Assert.That(LinkName(nav.Value, "next"), Is.EqualTo(next is null ? null : $"Next: {next}"));
            Assert.That(html, Does.Contain($"<a class=\"govuk-link\" href=\"{Series}\">All parts of the report</a>"));
        });
    }

    [Test]
    public async Task The_parts_follow_the_lists_order_when_editors_reorder_it()
    {
        var series = await _site.CreateAsync("ReportSeries", "Reordered report", publish: true, "A series to reorder.");
        // Added in another order than the editors' numbers; the list's order is what readers follow.
        var first = await _site.CreateAsync("Report", "Alpha findings", publish: true, change: InList(series.ContentItemId, 2));
        var second = await _site.CreateAsync("Report", "Beta findings", publish: true, change: InList(series.ContentItemId, 3));
        var third = await _site.CreateAsync("Report", "Gamma findings", publish: true, change: InList(series.ContentItemId, 1));

        await _site.WithContentAsync(async manager =>
        {
            await manager.ReorderContainedAsync(series.ContentItemId, [third.ContentItemId, first.ContentItemId, second.ContentItemId]);
            return true;
        });

        var seriesHtml = await _site.GetStringAsync(ItemViews.UrlOf(series)!);
        var firstHtml = await _site.GetStringAsync(ItemViews.UrlOf(first)!);
        Assert.Multiple(() =>
        {
            Assert.That(PartLinks(seriesHtml), Is.EqualTo(new[] { "Part 1: Gamma findings", "Part 2: Alpha findings", "Part 3: Beta findings" }));
            Assert.That(LinkName(Nav().Match(firstHtml).Value, "prev"), Is.EqualTo("Previous: Part 1: Gamma findings"));
            Assert.That(LinkName(Nav().Match(firstHtml).Value, "next"), Is.EqualTo("Next: Part 3: Beta findings"));
        });
    }

    [Test]
    public async Task A_parts_pdf_link_says_its_format_and_its_size_in_the_media_store()
    {
        var store = _site.Services.GetRequiredService<StoreOptions>();
        var file = MediaFolder.FileIn(MediaFolder.Root(store), "reports/part-2.pdf")!;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, new byte[(int)(1.2 * 1024 * 1024)]);
        await SetDownloadAsync("working-with-digital-champions", "reports/part-2.pdf");

        var part = await _site.GetStringAsync($"{Series}/working-with-digital-champions");
        var series = await _site.GetStringAsync(Series);

        const string link = "<a class=\"govuk-link\" href=\"/media/reports/part-2.pdf\" download>Download Part 2 (PDF, 1.2 MB)</a>";
        Assert.Multiple(() =>
        {
            Assert.That(part, Does.Contain(link));
            Assert.That(series, Does.Contain(link));
            Assert.That(series.IndexOf("Part 2: Working with Digital Champions</a>", StringComparison.Ordinal),
                Is.LessThan(series.IndexOf(link, StringComparison.Ordinal)), "the HTML page first, the PDF as an extra");
        });
    }

    [Test]
    public async Task A_pdf_missing_from_the_media_store_is_linked_without_a_size()
    {
        await SetDownloadAsync("partnerships-and-engagement", "reports/not-uploaded.pdf");

        var part = await _site.GetStringAsync($"{Series}/partnerships-and-engagement");

        Assert.That(part, Does.Contain("href=\"/media/reports/not-uploaded.pdf\" download>Download Part 3 (PDF)</a>"));
    }

    [Test]
    public async Task A_part_without_a_pdf_has_no_download_link()
    {
        var part = await _site.GetStringAsync($"{Series}/digital-maturity-and-transformation");

        Assert.That(part, Does.Not.Contain("Download Part"));
    }

    [TestCase(1L, "1 KB")]
    [TestCase(348_160L, "340 KB")]
    [TestCase(1_258_291L, "1.2 MB")]
    [TestCase(10L * 1024 * 1024, "10 MB")]
    public void Sizes_are_written_as_readers_see_them_in_file_managers(long bytes, string text) =>
        Assert.That(ReportDownloads.FormatSize(bytes), Is.EqualTo(text));

    [Test]
    public async Task A_report_part_that_is_a_draft_is_not_listed()
    {
        var series = await _site.CreateAsync("ReportSeries", "Report with a draft part", publish: true, "A series.");
        await _site.CreateAsync("Report", "Published findings", publish: true, change: InList(series.ContentItemId, 1));
        await _site.CreateAsync("Report", "Unfinished findings", publish: false, change: InList(series.ContentItemId, 2));

        var html = await _site.GetStringAsync(ItemViews.UrlOf(series)!);

        Assert.That(PartLinks(html), Is.EqualTo(new[] { "Part 1: Published findings" }));
        using var draft = await _site.Http.GetAsync($"{ItemViews.UrlOf(series)}/unfinished-findings");
        Assert.That(draft.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private Task SetDownloadAsync(string slug, string mediaPath) => _site.WithContentAsync(async manager =>
    {
        var id = await _site.IdAtAsync($"{Series.TrimStart('/')}/{slug}");
        var draft = (await manager.GetAsync(id, VersionOptions.DraftRequired))!;
        draft.GetOrCreatePart("Report")["Download"] = new JsonObject
        {
            ["Paths"] = new JsonArray(mediaPath),
            ["MediaTexts"] = new JsonArray(""),
        };
        await manager.PublishAsync(draft);
        return true;
    });

    private static Action<ContentItem> InList(string listId, int partNumber) => item =>
    {
        item.GetOrCreatePart("ContainedPart")["ListContentItemId"] = listId;
        item.GetOrCreatePart("Report")["PartNumber"] = new JsonObject { ["Value"] = partNumber };
    };

    /// <summary>The series page's part links, in page order.</summary>
    private static string[] PartLinks(string html) =>
        [.. PartLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>A link's accessible name (its text without tags, spaces folded), by its rel; null when there is none.</summary>
    private static string? LinkName(string html, string rel)
    {
        var link = Regex.Match(html, $"<a [^>]*rel=\"{rel}\"[^>]*>(.*?)</a>", RegexOptions.Singleline);
        return link.Success ? WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(link.Groups[1].Value, " "), " ").Replace(" :", ":").Trim()) : null;
    }

    [GeneratedRegex("<li class=\"site-report-parts__part\">\\s*<h3[^>]*>(?:<a [^>]*>)?(.*?)(?:</a>)?</h3>", RegexOptions.Singleline)]
    private static partial Regex PartLink();

    [GeneratedRegex("<nav class=\"govuk-pagination govuk-pagination--block\" aria-label=\"Parts of the report\">.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex Nav();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
