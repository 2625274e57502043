// Why: the list and the erase confirmation are the subscriber page types a person works through; in Chromium, by
// keyboard-reachable links and buttons, each must pass axe-core with no violations.
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Bulletin;

namespace OneDigital.Admin.Tests.Subscribers;

public sealed class SubscriberBrowserTests : BrowserTest
{
    protected override string[] SiteSettings => SubscriberSupport.Settings;

    [Test]
    public async Task An_administrator_finds_a_subscriber_erases_them_and_every_subscriber_page_passes_axe()
    {
        await SubscriberSupport.AddAsync(Site, "walter.reader@example.org", BulletinStatus.Confirmed);
        await SubscriberSupport.AddAsync(Site, "xena.reader@example.org", BulletinStatus.Unsubscribed);
        await SignInAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Subscribers" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/subscribers");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "subscribers-list.png"), FullPage = true });

        await Page.GetByLabel("Status").SelectOptionAsync("Unsubscribed");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "xena.reader@example.org" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Erase this subscriber" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "subscribers-erase.png"), FullPage = true });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, erase" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Page.WaitForURLAsync("**/admin/subscribers?erased=true");
        Assert.That(await Page.GetByText("The subscriber's data was erased.").IsVisibleAsync(), Is.True);
        Assert.That(await Page.GetByRole(AriaRole.Link, new() { Name = "xena.reader@example.org" }).CountAsync(), Is.Zero);
        Assert.That(await Page.GetByRole(AriaRole.Link, new() { Name = "walter.reader@example.org" }).CountAsync(), Is.EqualTo(1));
        await Axe.AssertNoViolationsAsync(Page);
    }
}
