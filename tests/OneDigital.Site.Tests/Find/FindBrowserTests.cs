// Why: the search box in the header is how most readers look for something; this walks it in a real browser, and
// checks the pages a reader lands on when looking (results, no results, not found, the accessibility statement)
// with axe-core.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneDigital.Search.Tasks;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Find;

public sealed class FindBrowserTests : ReaderBrowserTest
{
    [Test]
    public async Task Searching_from_the_header_box_finds_the_report_part_on_an_accessible_results_page()
    {
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync();
        }
        await Page.GotoAsync("/");

        await Page.GetByRole(AriaRole.Search, new() { Name = "Site search" }).GetByLabel("Search the site").FillAsync("digital champions");
        await Page.GetByRole(AriaRole.Search, new() { Name = "Site search" }).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Page.WaitForURLAsync("**/search?q=digital+champions");
        var result = Page.GetByRole(AriaRole.Link, new() { Name = "Working with Digital Champions", Exact = true });
        await Assertions.Expect(result).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("mark").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await result.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Working with Digital Champions");
    }

    [TestCase("/search?q=qwxzv+plimsoll", "Search results")]
    [TestCase("/no-such-page", "Page not found")]
    [TestCase("/accessibility-statement", "Accessibility statement")]
    [TestCase("/privacy-notice", "Privacy notice")]
    public async Task Pages_a_reader_meets_while_looking_have_no_axe_violations(string path, string heading)
    {
        await Page.GotoAsync(path);

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Axe.AssertNoViolationsAsync(Page);
    }
}
