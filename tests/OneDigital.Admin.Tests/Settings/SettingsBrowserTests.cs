// Why: an administrator changes the site's name in the admin and sees it on the readers' site at once, in Chromium;
// the settings page has no axe-core violations.
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Settings;

public sealed class SettingsBrowserTests : BrowserTest
{
    [Test]
    public async Task The_site_name_is_changed_in_the_admin_and_shows_on_the_readers_site()
    {
        await SignInAsync();
        await Page.GotoAsync("/admin/configuration");
        await Page.GetByRole(AriaRole.Link, new() { Name = "General settings" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Site settings", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByLabel("Site name").FillAsync("Digital Inclusion Hub");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("The settings are saved.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GotoAsync("/");
        await Assertions.Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Digital Inclusion Hub"));
    }
}
