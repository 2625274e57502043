// Why: a reader finds learning by following links and the filter form alone, in a real browser without help from
// scripts, and every page type of the hub, the blog and the case studies passes axe-core's checks.
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Hub;

public sealed class HubBrowserTests : ReaderBrowserTest
{
    [Test]
    public async Task A_reader_goes_from_the_home_page_to_the_hub_filtered_by_a_topic_and_on_to_a_case_study()
    {
        await Site.PostAsync("Learners in libraries", topics: HubContent.Learners);
        await Site.CaseStudyAsync("Champions in Cardiff", "wales", [HubContent.Champions], part =>
            part["Organisation"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Cardiff Libraries" });

        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Knowledge Hub" }).ClickAsync();
        await Page.GetByLabel("Topic").SelectOptionAsync(new SelectOptionValue { Label = "Working with Digital Champions" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/knowledge-hub\\?.*topic=working-with-digital-champions"));
        await Assertions.Expect(Page.Locator("#results")).ToHaveTextAsync("Showing 2 items");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Learners in libraries" })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Champions in Cardiff" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Champions in Cardiff");
        await Assertions.Expect(Page.GetByText("Cardiff Libraries").First).ToBeVisibleAsync();
    }

    [Test]
    public async Task The_hub_blog_post_and_case_study_pages_have_no_axe_violations()
    {
        var post = await Site.PostAsync("Learners in libraries", author: "Ada Editor", topics: HubContent.Learners);
        var study = await Site.CaseStudyAsync("Champions in Cardiff", "wales", [HubContent.Champions], part =>
        {
            part["Organisation"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Cardiff Libraries" };
            part["ChampionsInvolved"] = new System.Text.Json.Nodes.JsonObject { ["Value"] = 42 };
            part["Quote"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "I can video call my grandchildren now." };
        });
        for (var i = 0; i < 20; i++)
        {
            await Site.PostAsync($"Filler post {i}", topics: HubContent.Champions);
        }

        foreach (var path in new[]
        {
            "/knowledge-hub?topic=working-with-digital-champions", "/blog", Models.ItemViews.UrlOf(post)!, "/case-studies",
            Models.ItemViews.UrlOf(study)!,
        })
        {
            await Page.GotoAsync(path);
            await Axe.AssertNoViolationsAsync(Page);
        }
    }
}
