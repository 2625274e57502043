// Why: the Phase 1 evaluation is the programme's evidence; its figures must read the same in the figures, the chart
// and the table, and the chart must be an image with a name and a description, drawn on the server (no JavaScript).
using OneDigital.Content.Html;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OneDigital.Site.Evaluation;
using OneDigital.Site.Models;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Evaluation;

public sealed partial class EvaluationPageTests
{
    private ReadersSite _site = null!;
    private string _html = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await ReadersSite.StartAsync();
        _html = await _site.GetStringAsync("/evaluation-of-phase-1");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public void The_page_shows_the_phases_figures()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_html, Does.Contain("<h2 class=\"govuk-heading-l\">Phase 1 in numbers</h2>"));
            Assert.That(_html, Does.Contain("<span class=\"site-figure__number\">1,179</span> <span class=\"site-figure__label\">Digital Champions recruited</span>"));
            Assert.That(_html, Does.Contain("<span class=\"site-figure__number\">11,000</span> <span class=\"site-figure__label\">People supported</span>"));
        });
    }

    [Test]
    public void The_chart_is_an_svg_image_named_and_described_by_its_own_title_and_desc()
    {
        var svg = XElement.Parse(Svg().Match(_html).Value);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var ids = svg.Attribute("aria-labelledby")!.Value.Split(' ');

        Assert.Multiple(() =>
        {
            Assert.That(svg.Attribute("role")?.Value, Is.EqualTo("img"));
            Assert.That(ids.Select(id => svg.Descendants().Single(e => (string?)e.Attribute("id") == id).Name.LocalName), Is.EqualTo(new[] { "title", "desc" }));
            Assert.That(svg.Element(ns + "desc")!.Value, Does.Contain("1,179 Digital Champions recruited and 11,000 people supported"));
            // Every bar is labelled in words and its value, so no meaning is carried by colour alone.
            Assert.That(svg.Elements(ns + "rect").Count(), Is.EqualTo(2));
            Assert.That(svg.Elements(ns + "text").Select(t => t.Value), Is.EqualTo(new[] { "Digital Champions recruited", "1,179", "People supported", "11,000" }));
        });
    }

    [Test]
    public void The_bars_are_as_long_as_their_figures()
    {
        var svg = XElement.Parse(Svg().Match(_html).Value);
        var widths = svg.Elements().Where(e => e.Name.LocalName == "rect").Select(r => double.Parse(r.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.That(widths[0] / widths[1], Is.EqualTo(1179.0 / 11000).Within(0.01));
    }

    [Test]
    public void The_figures_are_also_a_data_table_and_a_sentence()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_html, Does.Contain("<caption class=\"govuk-table__caption govuk-table__caption--m\">Phase 1 in numbers: the chart&#x27;s data</caption>")
                .Or.Contain("Phase 1 in numbers: the chart’s data").Or.Contain("Phase 1 in numbers: the chart's data"));
            Assert.That(_html, Does.Contain("<th scope=\"row\" class=\"govuk-table__header\">Digital Champions recruited</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">1,179</td>"));
            Assert.That(_html, Does.Contain("<th scope=\"row\" class=\"govuk-table__header\">People supported</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">11,000</td>"));
            Assert.That(_html, Does.Contain("<figcaption class=\"govuk-body\">1,179 Digital Champions recruited and 11,000 people supported: about 9 people supported for each Digital Champion.</figcaption>"));
            Assert.That(_html, Does.Not.Contain("<script"), "nothing needs JavaScript");
        });
    }

    [Test]
    public void A_phase_without_figures_has_no_chart_or_table()
    {
        var view = PhasePage.Build(new ItemView { Id = "p2", ContentType = "ProgrammePhase", DisplayText = "Evaluation of Phase 2" });

        Assert.Multiple(() =>
        {
            Assert.That(view.Figures, Is.Empty);
            Assert.That(view.Chart, Is.Null);
            Assert.That(view.FiguresTitle, Is.EqualTo("Evaluation of Phase 2 in numbers"));
        });
    }

    [Test]
    public void Chart_text_is_encoded()
    {
        var svg = BarChart.Svg("A <b> title", "Desc & more", [new BarChartRow("<script>", 3, "3")], "chart", "site-chart");

        Assert.That(svg, Does.Contain("&lt;script&gt;").And.Contain("A &lt;b&gt; title").And.Not.Contain("<script>"));
        Assert.That(() => XElement.Parse(svg), Throws.Nothing);
    }

    [GeneratedRegex("<svg class=\"site-chart\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();
}
