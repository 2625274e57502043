// Why: each accessibility check must find what it is for and stay quiet on the correct form of the same thing, or
// editors learn to ignore the panel.
using OneDigital.Content.Writing;

namespace OneDigital.Content.Tests.Writing;

public class AccessibilityCheckTests
{
    private static string[] Ids(string html) =>
        WritingChecks.CheckHtml(html, PlainEnglishList.Default).Findings.Select(f => f.CheckId).ToArray();

    [TestCase("<p><img src=\"/media/team.jpg\"></p>")]
    [TestCase("<p><img src=\"/media/team.jpg\" alt=\"\"></p>")]
    [TestCase("<p><img src=\"/media/team.jpg\" alt=\"  \"></p>")]
    public void An_image_without_alt_text_is_serious(string html)
    {
        var finding = WritingChecks.CheckHtml(html, PlainEnglishList.Default).Findings.Single();
        Assert.That(finding.CheckId, Is.EqualTo(WritingCheck.ImageMissingAlt));
        Assert.That(finding.Severity, Is.EqualTo(WritingSeverity.Serious));
        Assert.That(finding.Excerpt, Is.EqualTo("team.jpg"));
    }

    [TestCase("<p><img src=\"/media/team.jpg\" alt=\"Six volunteers at the Leeds hub\"></p>")]
    [TestCase("<p><img src=\"/media/line.png\" alt=\"\" class=\"decorative\"></p>")]
    public void An_image_with_alt_text_or_marked_decorative_is_fine(string html)
    {
        Assert.That(Ids(html), Is.Empty);
    }

    [Test]
    public void Markdown_marks_a_decorative_image_with_the_class_because_the_sanitizer_removes_role()
    {
        Assert.That(WritingChecks.CheckMarkdown("![](/media/line.png){.decorative}", PlainEnglishList.Default).Findings, Is.Empty);
        Assert.That(WritingChecks.CheckRendered("<img src=\"/a.png\" alt=\"\" role=\"presentation\">", PlainEnglishList.Default).Findings, Is.Empty);
        Assert.That(WritingChecks.CheckHtml("<img src=\"/a.png\" alt=\"\" role=\"presentation\">", PlainEnglishList.Default).Findings, Has.Count.EqualTo(1));
    }

    [Test]
    public void Markdown_image_without_a_description_is_found()
    {
        var report = WritingChecks.CheckMarkdown("A photo:\n\n![](/media/photo.jpg)", PlainEnglishList.Default);
        Assert.That(report.Findings.Select(f => f.CheckId), Is.EqualTo(new[] { WritingCheck.ImageMissingAlt }));
    }

    [TestCase("IMG_2041.jpg")]
    [TestCase("team-photo")]
    public void Alt_text_that_repeats_the_file_name_is_a_warning(string alt)
    {
        Assert.That(Ids($"<p><img src=\"/media/team-photo.jpg\" alt=\"{alt}\"></p>"), Is.EqualTo(new[] { WritingCheck.ImageAltFileName }));
    }

    [TestCase("click here")]
    [TestCase("Click here.")]
    [TestCase("read more")]
    [TestCase("here")]
    public void Vague_link_text_is_found(string text)
    {
        var finding = WritingChecks.CheckHtml($"<p>For the guide <a href=\"/guide\">{text}</a></p>", PlainEnglishList.Default).Findings.Single();
        Assert.That(finding.CheckId, Is.EqualTo(WritingCheck.LinkVagueText));
        Assert.That(finding.Excerpt, Is.EqualTo(text));
    }

    [Test]
    public void Link_text_that_says_where_it_goes_is_fine()
    {
        Assert.That(Ids("<p>Read <a href=\"/guide\">the guide to getting online</a>.</p>"), Is.Empty);
    }

    [TestCase("https://example.org/guide")]
    [TestCase("www.example.org")]
    public void A_bare_web_address_as_link_text_is_found(string url)
    {
        Assert.That(Ids($"<p>See <a href=\"https://example.org/guide\">{url}</a></p>"), Is.EqualTo(new[] { WritingCheck.LinkBareUrl }));
    }

    [Test]
    public void A_link_without_text_is_serious_unless_its_image_has_alt_text()
    {
        var finding = WritingChecks.CheckHtml("<p><a href=\"/guide\"> </a></p>", PlainEnglishList.Default).Findings.Single();
        Assert.That(finding.CheckId, Is.EqualTo(WritingCheck.LinkEmptyText));
        Assert.That(finding.Severity, Is.EqualTo(WritingSeverity.Serious));

        Assert.That(Ids("<p><a href=\"/guide\"><img src=\"/media/g.png\" alt=\"The guide\"></a></p>"), Is.Empty);
    }

    [TestCase("<p><a href=\"/media/report.pdf\">Annual report</a></p>")]
    [TestCase("<p><a href=\"/media/report.pdf?v=2\">Annual report (PDF)</a></p>")]
    public void A_pdf_link_without_format_and_size_is_found(string html)
    {
        Assert.That(Ids(html), Is.EqualTo(new[] { WritingCheck.LinkPdfWithoutDetails }));
    }

    [TestCase("<p><a href=\"/media/report.pdf\">Annual report (PDF, 2.1MB)</a></p>")]
    [TestCase("<p><a href=\"/media/report.pdf\">Annual report</a> (PDF, 340KB)</p>")]
    public void A_pdf_link_giving_format_and_size_is_fine(string html)
    {
        Assert.That(Ids(html), Is.Empty);
    }

    [Test]
    public void A_skipped_heading_level_is_found_and_a_step_down_is_fine()
    {
        Assert.That(Ids("<h2>Who we are</h2><h4>Our team</h4>"), Is.EqualTo(new[] { WritingCheck.HeadingSkippedLevel }));
        Assert.That(Ids("<h3>Starts too deep</h3>"), Is.EqualTo(new[] { WritingCheck.HeadingSkippedLevel }), "the page's title is the h1");
        Assert.That(Ids("<h2>Who we are</h2><h3>Our team</h3><h2>Contact</h2>"), Is.Empty);
    }

    [Test]
    public void More_than_one_top_level_heading_is_found_once()
    {
        Assert.That(Ids("<h1>One</h1><h1>Two</h1><h1>Three</h1>"), Is.EqualTo(new[] { WritingCheck.HeadingSeveralTopLevel }));
        Assert.That(Ids("<h1>One</h1><h2>Two</h2>"), Is.Empty);
    }

    [Test]
    public void A_table_without_header_cells_is_found()
    {
        Assert.That(Ids("<table><tr><td>Leeds</td><td>12</td></tr></table>"), Is.EqualTo(new[] { WritingCheck.TableWithoutHeaders }));
        Assert.That(Ids("<table><tr><th>Hub</th><th>Visits</th></tr><tr><td>Leeds</td><td>12</td></tr></table>"), Is.Empty);
    }

    [Test]
    public void Markdown_tables_have_headers()
    {
        Assert.That(WritingChecks.CheckMarkdown("| Hub | Visits |\n|---|---|\n| Leeds | 12 |", PlainEnglishList.Default).Findings, Is.Empty);
    }

    [Test]
    public void Findings_come_most_serious_first()
    {
        var report = WritingChecks.CheckHtml("<p><a href=\"/x\">click here</a> <img src=\"/a.png\"></p>", PlainEnglishList.Default);
        Assert.That(report.Findings.Select(f => f.Severity), Is.EqualTo(new[] { WritingSeverity.Serious, WritingSeverity.Warning }));
    }
}
