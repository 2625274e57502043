// Why: a term is moved and nested with the keyboard alone (the buttons work without scripts and the page comes back
// at the term moved), in Chromium; the tree page and the list of taxonomies and menus have no axe-core violations.
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Editing;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Trees;

public sealed class TreeBrowserTests : BrowserTest
{
    [Test]
    public async Task A_topic_is_moved_up_and_nested_by_keyboard_and_the_pages_have_no_axe_violations()
    {
        var (topics, terms) = await Site.TaxonomyAsync("Topics");
        await SignInAsync();
        await Page.GotoAsync("/admin/trees");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Topics" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Topics: terms", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Move 'Working with Digital Champions' up" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByText("'Working with Digital Champions' moved. The change is published.")).ToBeVisibleAsync();

        // The page came back at the term moved: Tab reaches its buttons next.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Nest 'Working with learners' under 'Working with Digital Champions'" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByText("'Working with learners' moved. The change is published.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.List, new() { Name = "Under 'Working with Digital Champions'" })).ToContainTextAsync("Working with learners");
        await Axe.AssertNoViolationsAsync(Page);

        var stored = (await Site.LatestAsync(topics))!;
        var roots = stored.Part("TaxonomyPart")!["Terms"]!.AsArray();
        Assert.That((string?)roots[0]!["ContentItemId"], Is.EqualTo(terms[1]));
        Assert.That((string?)roots[0]!["Terms"]![0]!["ContentItemId"], Is.EqualTo(terms[0]));
    }
}
