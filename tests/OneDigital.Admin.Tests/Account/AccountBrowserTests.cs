using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Account;

/// <summary>The account journeys in Chromium: forgot password by email, two-factor setup and sign-in by keyboard, and axe on every account page.</summary>
public sealed class AccountBrowserTests : BrowserTest
{
    [Test]
    public async Task Forgot_password_by_email_then_sign_in_with_the_new_password_with_no_axe_violations_on_the_way()
    {
        await Page.GotoAsync("/admin/sign-in");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Reset your password", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByLabel("User name or email").FillAsync(AdminSite.AdminEmail);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        var link = AccountSupport.ResetLink(AccountSupport.MailsTo(Site, AdminSite.AdminEmail).Single());
        await Page.GotoAsync(link);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByLabel("New password", new() { Exact = true }).FillAsync("short");
        await Page.GetByLabel("Confirm the new password").FillAsync("short");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change the password" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByLabel("New password", new() { Exact = true }).FillAsync("Journey-Pa55word!");
        await Page.GetByLabel("Confirm the new password").FillAsync("Journey-Pa55word!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change the password" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Your password has been changed. Sign in with the new one.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await SignInAsync(AdminSite.AdminUserName, "Journey-Pa55word!");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
    }

    [Test]
    public async Task Two_factor_is_turned_on_from_the_account_page_and_the_second_step_works_with_the_keyboard_alone()
    {
        await SignInAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GotoAsync("/admin/account/password");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GotoAsync("/admin/account/email");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GotoAsync("/admin/account");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
        var key = await Page.GetByTestId("authenticator-key").InnerTextAsync();
        await Page.GetByLabel("Code from the app").FillAsync(Totp.Code(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GotoAsync("/admin/account/two-factor");
        await Assertions.Expect(Page.GetByTestId("two-factor-status")).ToContainTextAsync("on");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/sign-in");

        await Page.GetByLabel("User name or email").FillAsync(AdminSite.AdminUserName);
        await Page.GetByLabel("Password").FillAsync(AdminSite.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/sign-in/two-factor**");
        await Axe.AssertNoViolationsAsync(Page);

        // Keyboard only from here: skip link, service name, then the code, the checkbox and the button.
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveTextAsync("Skip to main content");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveAttributeAsync("name", "Code");
        await Page.Keyboard.TypeAsync("000000");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveTextAsync("Enter the current code from your authenticator app, or an unused recovery code");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByLabel("Enter your security code")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync(Totp.Code(key));
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveAttributeAsync("name", "RememberDevice");
        await Page.Keyboard.PressAsync("Space");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveTextAsync("Continue");
        await Page.Keyboard.PressAsync("Enter");

        await Page.WaitForURLAsync("**/admin");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
    }
}
