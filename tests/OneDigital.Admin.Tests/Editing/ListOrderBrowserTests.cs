// Why: ordering by mouse is SortableJS's drag then Save order, and by keyboard the Move buttons; both in Chromium,
// and axe-core on the order page.
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Editing;

public sealed class ListOrderBrowserTests : BrowserTest
{
    [Test]
    public async Task A_chapter_is_dragged_to_the_top_saved_then_moved_down_by_keyboard_and_the_page_has_no_axe_violations()
    {
        await ListOrderSite.DefineBooksAsync(Site);
        var (book, chapters) = await ListOrderSite.BookAsync(Site, "Browser book", ["One", "Two", "Three"]);
        await SignInAsync();
        await Page.GotoAsync($"/admin/content/{book}/order");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.Locator($"#child-{chapters[2]} [data-drag-handle]").DragToAsync(Page.Locator($"#child-{chapters[0]} [data-drag-handle]"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save order" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("The order is saved.")).ToBeVisibleAsync();
        Assert.That(await ListOrderSite.GraphQLTitlesAsync(Site, "Browser book"), Is.EqualTo(new[] { "Three", "One", "Two" }));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Move 'One' down" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByText("'One' moved. The order is saved.")).ToBeVisibleAsync();
        Assert.That(await ListOrderSite.GraphQLTitlesAsync(Site, "Browser book"), Is.EqualTo(new[] { "Three", "Two", "One" }));
        await Page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "list-order.png"), FullPage = true });
    }
}
