// Why: the pickers' and tags' scripts are comboboxes that must work by keyboard alone (type, arrow down, Enter) and
// pass axe-core with their listbox open; what they chose must be what the save stores.
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Editing;

public sealed class PickerBrowserTests : BrowserTest
{
    [Test]
    public async Task An_item_and_a_tag_are_found_by_typing_chosen_by_keyboard_a_new_tag_is_created_and_axe_finds_nothing()
    {
        var topicsId = await PickerSite.DefineAsync(Site);
        var target = await Site.CreateItemAsync("Page", "Keyboard target", publish: true);
        await Site.CreateItemAsync("Page", "Keyboard other", publish: false);
        await SignInAsync();
        await Page.GotoAsync("/admin/content/new/Reading");
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync("Browser pick");
        await Page.GetByLabel("Note (required)").FillAsync("A note");

        var related = Page.GetByRole(AriaRole.Combobox, new() { Name = "Search items for Related" });
        await related.PressSequentiallyAsync("keyboard t");
        await Assertions.Expect(Page.GetByRole(AriaRole.Option, new() { Name = "Keyboard target (Page, Published)" })).ToBeVisibleAsync();
        await Assertions.Expect(related).ToHaveAttributeAsync("aria-expanded", "true");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(related).ToHaveAttributeAsync("aria-activedescendant", "Reading-Related-listbox-0");
        await Page.Keyboard.PressAsync("Enter");
        var chosen = Page.Locator("#Reading-Related-chosen-label + ul");
        await Assertions.Expect(chosen).ToContainTextAsync("Keyboard target (Page, Published)");
        await Assertions.Expect(related).ToHaveValueAsync("");
        await Assertions.Expect(related).ToBeFocusedAsync();

        var tags = Page.Locator("#Reading-Tags");
        await tags.PressSequentiallyAsync("learn");
        await Assertions.Expect(Page.GetByRole(AriaRole.Option, new() { Name = "Working with learners" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(tags).ToHaveValueAsync("Working with learners, ");
        await tags.PressSequentiallyAsync("Fresh tag");
        await Page.Keyboard.PressAsync("Escape");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "pickers.png"), FullPage = true });

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue editing" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Your changes were saved.")).ToBeVisibleAsync();
        var item = (await Site.LatestOfTypeAsync("Reading")).Single(r => r.DisplayText == "Browser pick");
        var fields = item.Part("Reading")!;
        Assert.Multiple(async () =>
        {
            Assert.That(fields["Related"]!["ContentItemIds"]!.AsArray().Select(n => (string)n!), Is.EqualTo(new[] { target }));
            Assert.That(fields["Tags"]!["TagNames"]!.AsArray().Select(n => (string)n!), Is.EqualTo(new[] { "Working with learners", "Fresh tag" }));
            var terms = (JsonArray)(await Site.LatestAsync(topicsId))!.Part("TaxonomyPart")!["Terms"]!;
            Assert.That(terms.Select(t => (string)t!["DisplayText"]!), Does.Contain("Fresh tag"), "the new tag is a term of Topics");
        });
        await Assertions.Expect(Page.Locator("#Reading-Tags")).ToHaveValueAsync("Working with learners, Fresh tag");
        await Axe.AssertNoViolationsAsync(Page);
    }
}
