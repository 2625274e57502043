// Why: the administrator's journey through the search indexes in Chromium: find the index from the configuration
// page, rebuild it and watch the progress reach done without reloading (the page's script polls the status JSON),
// open its settings and try a query; every page type passes axe-core and is worked by keyboard.
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;
using OneDigital.Testing.Web.Browsers;

namespace OneDigital.Admin.Tests.SearchIndexes;

public sealed class SearchIndexBrowserTests : BrowserTest
{
    private static string Shot(string name) => Path.Combine(TestContext.CurrentContext.WorkDirectory, $"search-indexes-{name}.png");

    [Test]
    public async Task An_administrator_rebuilds_the_search_index_sees_progress_reach_done_and_tries_a_query()
    {
        await Site.CreateItemAsync("BlogPost", "Volunteering with digital champions", publish: true);
        await Site.CreateItemAsync("Page", "Accessibility statement", publish: true);
        await SignInAsync();

        await Page.GotoAsync("/admin/configuration");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Search indexes" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/search-indexes");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/search-indexes/Search");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Rebuild Search" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/admin/search-indexes/Search?done=rebuild");
        var summary = Page.GetByTestId("progress-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Rebuild done", new() { Timeout = 30_000 });
        var bar = Page.Locator("#progress-bar");
        Assert.That(await bar.GetAttributeAsync("value"), Is.EqualTo(await bar.GetAttributeAsync("max")), "the bar is full");
        Assert.That(await Page.GetByTestId("facts").GetByTestId("lag").TextContentAsync(), Is.EqualTo("0"));
        await Page.ScreenshotAsync(new() { Path = Shot("rebuilt"), FullPage = true });
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Change the settings of Search" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/search-indexes/Search/edit");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to Search" }).ClickAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Try a query on Search" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/search-indexes/Search/query");
        await Page.GetByLabel("Query").FillAsync("volunteer");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("hit-count")).ToHaveTextAsync("1 hit");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Volunteering with digital champions (edit)" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByLabel("Query").FillAsync("""{ "query": { "bogus": {} } }""");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("At query: unknown query type 'bogus'");
        await Page.ScreenshotAsync(new() { Path = Shot("query-error"), FullPage = true });
        await Axe.AssertNoViolationsAsync(Page);
    }
}
