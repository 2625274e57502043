using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Layout;

/// <summary>What only a browser shows: the sign-in journey, keyboard use, and axe-core on each page type.</summary>
public sealed class BrowserJourneyTests : BrowserTest
{
    [Test]
    public async Task The_administrator_signs_in_with_the_configured_password_sees_the_dashboard_and_signs_out()
    {
        await Page.GotoAsync("/admin");
        Assert.That(new Uri(Page.Url).AbsolutePath, Is.EqualTo("/admin/sign-in"), "sent to sign in first");

        await SignInAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("signed-in-user")).ToHaveTextAsync(AdminSite.AdminUserName);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/sign-in");
        await Page.GotoAsync("/admin");
        Assert.That(new Uri(Page.Url).AbsolutePath, Is.EqualTo("/admin/sign-in"), "signed out");
    }

    [Test]
    public async Task With_the_keyboard_only_Tab_reaches_the_fields_and_Enter_signs_in()
    {
        await Page.GotoAsync("/admin/sign-in");

        // Skip link, service name, then the form's fields in order.
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveTextAsync("Skip to main content");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveAttributeAsync("name", "UserName");
        await Page.Keyboard.TypeAsync(AdminSite.AdminUserName);
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveAttributeAsync("name", "Password");
        await Page.Keyboard.TypeAsync(AdminSite.AdminPassword);
        await Page.Keyboard.PressAsync("Enter");

        await Page.WaitForURLAsync("**/admin");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_wrong_password_moves_focus_to_the_error_summary_which_links_to_the_field()
    {
        await Page.GotoAsync("/admin/sign-in");
        await Page.GetByLabel("User name or email").FillAsync(AdminSite.AdminUserName);
        await Page.GetByLabel("Password").FillAsync("wrong");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Enter a correct user name (or email) and password" }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("User name or email")).ToBeFocusedAsync();
    }

    [Test]
    public async Task The_sign_in_dashboard_configuration_and_forbidden_pages_have_no_axe_violations()
    {
        await Page.GotoAsync("/admin/sign-in");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await SignInAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Configuration" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Configuration", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        var forbidden = await Page.GotoAsync("/admin/forbidden");
        Assert.That(forbidden?.Status, Is.EqualTo(403));
        await Axe.AssertNoViolationsAsync(Page);
    }
}
