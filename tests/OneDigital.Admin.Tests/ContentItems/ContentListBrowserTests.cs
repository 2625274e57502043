// Why: what only a browser shows of the content list: the filter → select → bulk publish → confirm → banner journey
// works by mouse and without any script of ours, and the list, a confirmation page and a refusal pass axe-core.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Tests.ContentItems;

public sealed class ContentListBrowserTests : BrowserTest
{
    private const string Password = "Author-Pa55word!";

    [Test]
    public async Task An_editor_filters_selects_two_drafts_bulk_publishes_them_and_sees_the_banner()
    {
        await CreateAsync("Journey kilo one", null);
        await CreateAsync("Journey kilo two", null);
        await CreateAsync("Journey lima other", null);
        await SignInAsync();
        await Page.GotoAsync("/admin/content");

        await Page.GetByLabel("Title contains").FillAsync("kilo");
        await Page.GetByLabel("Status").SelectOptionAsync("draft");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("range")).ToHaveTextAsync("1–2 of 2 items");
        await Page.GetByLabel("Select Journey kilo one").CheckAsync();
        await Page.GetByLabel("Select Journey kilo two").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publish selected", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Publish 2 items?", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, publish 2 items" }).ClickAsync();

        await Assertions.Expect(Page.GetByTestId("banner")).ToContainTextAsync("2 items published.");
        Assert.That(new Uri(Page.Url).Query, Does.Contain("q=kilo").And.Contain("status=draft"), "back on the filtered list");
        await Assertions.Expect(Page.GetByTestId("range")).ToHaveTextAsync("No items");
    }

    [Test]
    public async Task The_list_a_confirmation_page_and_a_refused_action_have_no_axe_violations()
    {
        var mine = await CreateAsync("Axe mike mine", null);
        await Site.AddUserAsync("author", Password, "Author");
        await SignInAsync();

        await Page.GotoAsync("/admin/content?select=all");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GotoAsync($"/admin/content/{mine}/delete");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync("author", Password);
        var refused = await Page.GotoAsync($"/admin/content/{mine}/delete");
        Assert.That(refused?.Status, Is.EqualTo(403), "an Author may not delete another's item");
        await Axe.AssertNoViolationsAsync(Page);
    }

    private async Task<string> CreateAsync(string title, string? ownerId)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync("Page");
        item.DisplayText = title;
        item.Owner = ownerId;
        await manager.CreateAsync(item, publish: false);
        return item.ContentItemId;
    }
}
