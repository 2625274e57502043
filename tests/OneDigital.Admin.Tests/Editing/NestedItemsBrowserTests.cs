// Why: a Bag is edited by keyboard alone (Add, type, Move, Save are buttons that post the form) and by dragging with
// SortableJS, whose order the next save keeps; axe-core checks the editor with nested items on it.
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Editing;

public sealed class NestedItemsBrowserTests : BrowserTest
{
    [Test]
    public async Task Slides_are_added_by_keyboard_moved_saved_then_dragged_and_the_editor_has_no_axe_violations()
    {
        await NestedItemsSite.DefineAsync(Site);
        await SignInAsync();
        await Page.GotoAsync("/admin/content/new/Carousel");
        await Page.GetByLabel("Title").FillAsync("Keyboard tour");

        await PressAsync("Add Slide to Slides");
        await Page.GetByLabel("Heading (required)").FillAsync("Opening");
        await PressAsync("Add Quote to Slides");
        await Page.Locator("#Slides-ContentItems-1-Quote-Words").FillAsync("Closing words");
        await PressAsync("Move Quote 2 up");
        await Assertions.Expect(Page.Locator("#Slides-ContentItems-0-Quote-Words")).ToHaveValueAsync("Closing words");
        await Assertions.Expect(Page.Locator("#Slides-ContentItems-1-Slide-Heading")).ToHaveValueAsync("Opening");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "nested-items.png"), FullPage = true });

        await PressAsync("Save and continue editing");
        await Assertions.Expect(Page.GetByText("Your changes were saved.")).ToBeVisibleAsync();
        Assert.That(await TypesAsync(), Is.EqualTo(new[] { "Quote", "Slide" }));

        await Page.Locator("#Slides-ContentItems-1 [data-drag-handle]").DragToAsync(Page.Locator("#Slides-ContentItems-0 [data-drag-handle]"));
        await Assertions.Expect(Page.Locator("#Slides-ContentItems-0 legend")).ToContainTextAsync("Quote 2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue editing" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Your changes were saved.")).ToBeVisibleAsync();
        Assert.That(await TypesAsync(), Is.EqualTo(new[] { "Slide", "Quote" }));
    }

    /// <summary>Presses a button with the keyboard (focused, then Enter) and waits for the page the post answers with.</summary>
    private async Task PressAsync(string button)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).FocusAsync();
        await Page.EvaluateAsync("() => { window.pressed = true; }");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForFunctionAsync("() => !window.pressed && document.readyState === 'complete'");
    }

    private async Task<string[]> TypesAsync()
    {
        var carousel = (await Site.LatestOfTypeAsync("Carousel")).Single(c => c.DisplayText == "Keyboard tour");
        return [.. ((JsonArray)carousel.Part("Slides")!["ContentItems"]!).Select(i => (string)i!["ContentType"]!)];
    }
}
