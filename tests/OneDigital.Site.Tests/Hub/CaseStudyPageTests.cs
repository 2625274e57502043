// Why: a case study tells readers whose project it was, where, how many Digital Champions and people took part, in
// their own words; its image keeps its size and alternative text and loads only when a reader scrolls to it.
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;
using OneDigital.Site.Models;
using OneDigital.Site.Tests.Pages;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Hub;

public sealed class CaseStudyPageTests
{
    [Test]
    public async Task A_case_study_shows_its_organisation_region_figures_quote_topics_and_a_sized_lazy_image()
    {
        await using var site = await ReadersSite.StartAsync();
        var media = Path.Combine(site.Services.GetRequiredService<StoreOptions>().DataDir, "Media", "case-studies");
        Directory.CreateDirectory(media);
        await File.WriteAllBytesAsync(Path.Combine(media, "cardiff.png"), ImageSizeTests.Png(640, 427));
        var study = await site.CaseStudyAsync("Champions in Cardiff", "wales", [HubContent.Champions], part =>
        {
            part["Organisation"] = new JsonObject { ["Text"] = "Cardiff Libraries" };
            part["ChampionsInvolved"] = new JsonObject { ["Value"] = 42 };
            part["PeopleSupported"] = new JsonObject { ["Value"] = 310 };
            part["Quote"] = new JsonObject { ["Text"] = "I can video call my grandchildren now." };
            part["Image"] = new JsonObject { ["Paths"] = new JsonArray("case-studies/cardiff.png"), ["MediaTexts"] = new JsonArray("Two people at a laptop in a library") };
        });

        var html = await site.GetStringAsync(ItemViews.UrlOf(study)!);

        Assert.Multiple(() =>
        {
            Assert.That(SeededPagesTests.H1s(html), Is.EqualTo(new[] { "Champions in Cardiff" }));
            Assert.That(html, Does.Contain("<dt class=\"govuk-summary-list__key\">Organisation</dt><dd class=\"govuk-summary-list__value\">Cardiff Libraries</dd>"));
            Assert.That(html, Does.Contain("<a class=\"govuk-link\" href=\"/case-studies?region=wales\">Wales</a>"));
            Assert.That(html, Does.Contain("Digital Champions involved</dt><dd class=\"govuk-summary-list__value\">42</dd>"));
            Assert.That(html, Does.Contain("People supported</dt><dd class=\"govuk-summary-list__value\">310</dd>"));
            Assert.That(html, Does.Match("<figure[^>]*>\\s*<blockquote[^>]*><p>I can video call my grandchildren now.</p></blockquote>"));
            Assert.That(html, Does.Match("<img class=\"site-image\" src=\"/media/case-studies/cardiff.png\\?v=[0-9a-f]+&amp;width=600\" srcset=\"[^\"]+\" sizes=\"[^\"]+\" alt=\"Two people at a laptop in a library\" loading=\"lazy\" width=\"640\" height=\"427\">"));
            Assert.That(html, Does.Contain("href=\"/knowledge-hub?topic=working-with-digital-champions\">Working with Digital Champions</a>"));
        });
    }
}
