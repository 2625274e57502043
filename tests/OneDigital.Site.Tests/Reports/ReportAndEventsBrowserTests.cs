// Why: a reader reads the learning report part by part with the "Next" link, and every page type of the report,
// events and evaluation must pass axe-core in a real browser with nothing to fix.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneDigital.Site.Models;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Reports;

public sealed class ReportAndEventsBrowserTests : ReaderBrowserTest
{
    [Test]
    public async Task A_reader_goes_from_part_1_to_part_4_of_the_report_by_next()
    {
        await Page.GotoAsync("/one-digital-observational-and-practice-based-learning-report");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Part 1: Working with learners" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);

        string[] following = ["Working with Digital Champions", "Partnerships and Engagement", "Digital maturity and transformation"];
        for (var i = 0; i < following.Length; i++)
        {
            var parts = Page.GetByRole(AriaRole.Navigation, new() { Name = "Parts of the report" });
            // The ":" is visually hidden, so Chromium's accessible name reads "Next : Part 2: …".
            await parts.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Next ?: Part {i + 2}: {following[i]}$") }).ClickAsync();
            await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(following[i]);
        }

        var last = Page.GetByRole(AriaRole.Navigation, new() { Name = "Parts of the report" });
        await Assertions.Expect(last.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Next") })).ToHaveCountAsync(0);
        await Assertions.Expect(last.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Previous ?: Part 3: Partnerships and Engagement$") })).ToBeVisibleAsync();
    }

    [Test]
    public async Task The_events_list_an_event_and_the_evaluation_pass_axe()
    {
        var meeting = await Site.CreateAsync("Event", "Learning set in Leeds", publish: true, "A morning of shared learning.", item =>
        {
            var part = item.GetOrCreatePart("Event");
            part["StartsAt"] = new JsonObject { ["Value"] = DateTime.UtcNow.AddDays(7) };
            part["EndsAt"] = new JsonObject { ["Value"] = DateTime.UtcNow.AddDays(7).AddHours(2) };
            part["Venue"] = new JsonObject { ["Text"] = "Leeds Central Library" };
            part["Online"] = new JsonObject { ["Value"] = true };
            part["Registration"] = new JsonObject { ["Url"] = "https://example.test/register", ["Text"] = "Book a place" };
        });
        await Site.CreateAsync("Event", "Winter workshop", publish: true, "Looking back.", item =>
            item.GetOrCreatePart("Event")["StartsAt"] = new JsonObject { ["Value"] = DateTime.UtcNow.AddDays(-20) });

        foreach (var path in new[] { "/events", ItemViews.UrlOf(meeting)!, "/events/past", "/evaluation-of-phase-1" })
        {
            await Page.GotoAsync(path);
            await Axe.AssertNoViolationsAsync(Page);
        }
    }
}
