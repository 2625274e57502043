using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Store;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.Tests.Writing;

/// <summary>The journey in Chromium: the panel lists the three findings as the editor types, they are fixed,
/// the page is published without a prompt; axe-core finds nothing on the panel.</summary>
public sealed class WritingBrowserTests : BrowserTest
{
    [Test]
    public async Task The_panel_lists_three_findings_as_the_editor_types_and_once_fixed_the_post_publishes_without_a_prompt()
    {
        await SignInAsync();
        await Page.GotoAsync("/admin/content/new/Page");
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync("Come to the library");
        var findings = Page.GetByTestId("writing-findings").Locator("li");
        await Assertions.Expect(findings).ToHaveCountAsync(0);

        await SetBodyAsync(WritingBodies.ThreeFindings);

        await Assertions.Expect(findings).ToHaveCountAsync(3);
        await Assertions.Expect(findings.Nth(0)).ToContainTextAsync("no alt text");
        await Assertions.Expect(findings.Nth(1)).ToContainTextAsync("\"click here\"");
        await Assertions.Expect(findings.Nth(2)).ToContainTextAsync("60 words");
        await Assertions.Expect(Page.Locator("[data-writing-status]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Writing checks updated: 3 findings"));
        await Assertions.Expect(Page.GetByTestId("publish-button")).ToHaveTextAsync("Publish (3 writing findings)");
        await Axe.AssertNoViolationsAsync(Page);

        await SetBodyAsync(WritingBodies.Fixed);
        await Assertions.Expect(findings).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("[data-writing-count]")).ToHaveTextAsync("No findings.");
        await Assertions.Expect(Page.GetByTestId("publish-button")).ToHaveTextAsync("Publish");

        var response = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync(), r => r.Request.Method == "POST" && r.Url.Contains("/admin/content/"));
        Assert.That(response.Status, Is.EqualTo(302), "published at once: no prompt");
        Assert.That(await response.HeaderValueAsync("location"), Is.EqualTo("/admin/content"));
    }

    [Test]
    public async Task The_publish_anyway_page_and_the_word_list_page_have_no_axe_violations()
    {
        await SignInAsync();
        var id = await Editing.EditorSupport.CreateAsync(Site, "Page", i =>
        {
            i.GetOrCreatePart("TitlePart")["Title"] = "Held page";
            i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = WritingBodies.ThreeFindings;
        });
        await Page.GotoAsync($"/admin/content/{id}/publish-anyway");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publish anyway" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GotoAsync("/admin/writing/words");
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Test]
    public async Task The_site_wide_report_and_the_dashboards_trend_have_no_axe_violations()
    {
        await SignInAsync();
        await Editing.EditorSupport.CreateAsync(Site, "Page", i =>
        {
            i.DisplayText = "Published with findings";
            i.GetOrCreatePart("TitlePart")["Title"] = "Published with findings";
            i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = WritingBodies.ThreeFindings;
        }, publish: true);

        await Page.GotoAsync("/admin/writing");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Published with findings" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GotoAsync("/admin");
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Writing findings by month" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Test]
    public async Task The_report_while_items_wait_to_be_checked_has_no_axe_violations_and_its_button_works_by_keyboard()
    {
        await SignInAsync();
        var waiting = await Editing.EditorSupport.CreateAsync(Site, "Page", i =>
        {
            i.DisplayText = "Imported and waiting";
            i.GetOrCreatePart("TitlePart")["Title"] = "Imported and waiting";
            i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = WritingBodies.ThreeFindings;
        }, publish: true);
        // What a large import leaves for the background worker: a published item without counts.
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentDbContext>()
                .Set<WritingFindingCounts>().Where(r => r.ContentItemId == waiting).ExecuteDeleteAsync();
        }

        await Page.GotoAsync("/admin/writing");
        await Assertions.Expect(Page.GetByTestId("being-checked")).ToContainTextAsync("1 published item is being checked");
        await Axe.AssertNoViolationsAsync(Page);

        var button = Page.GetByRole(AriaRole.Button, new() { Name = "Check 1 published item not yet checked" });
        for (var presses = 0; presses < 40 && !await button.EvaluateAsync<bool>("b => b === document.activeElement"); presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }
        Assert.That(await button.EvaluateAsync<bool>("b => b === document.activeElement"), "the button is reached by Tab");
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.GetByTestId("banner")).ToContainTextAsync("Checked 1 published item.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Imported and waiting" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }

    // EasyMDE's CodeMirror holds the body; setting its value raises the change the panel's script listens for.
    private Task SetBodyAsync(string markdown) =>
        Page.EvaluateAsync("text => document.querySelector('.CodeMirror').CodeMirror.setValue(text)", markdown);
}
