// Why: the forms must work for a reader on a keyboard alone, and pass axe in every state a reader meets: the empty
// form, the form with errors, and each page that follows.
using Microsoft.Playwright;
using OneDigital.Content.Bulletin;
using OneDigital.Site.Bulletin;
using OneDigital.Site.ShareLearning;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Forms;

public sealed class FormJourneyTests : ReaderBrowserTest
{
    protected override string[] SiteSettings => SiteForms.Settings;

    [Test]
    public async Task A_keyboard_reader_signs_up_confirms_and_unsubscribes_and_every_page_passes_axe()
    {
        await Page.GotoAsync(BulletinPages.SignUpPath);
        await Axe.AssertNoViolationsAsync(Page);

        await TabToAsync("email");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your email address");
        await Axe.AssertNoViolationsAsync(Page);

        await TabToAsync("email");
        await Page.Keyboard.TypeAsync("keyboard@example.org");
        await Page.Keyboard.PressAsync("Tab");
        Assert.That(await FocusedIdAsync(), Is.EqualTo("consent"));
        await Page.Keyboard.PressAsync("Space");
        await TabToTextAsync("Subscribe");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Check your email");
        await Axe.AssertNoViolationsAsync(Page);

        var mail = SiteForms.Mails(Site).Last(m => m.To.ToString() == "keyboard@example.org");
        await Page.GotoAsync(SiteForms.LinkIn(mail, BulletinSubscriptions.ConfirmPath));
        await Axe.AssertNoViolationsAsync(Page);
        await TabToTextAsync("Confirm my subscription");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("You have subscribed to the e-bulletin");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GotoAsync(SiteForms.LinkIn(mail, BulletinSubscriptions.UnsubscribePath));
        await Axe.AssertNoViolationsAsync(Page);
        await TabToTextAsync("Unsubscribe");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("You have unsubscribed");
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Test]
    public async Task A_keyboard_reader_shares_learning_after_correcting_an_error_and_every_page_passes_axe()
    {
        await Page.GotoAsync(ShareLearningPages.FormPath);
        await Axe.AssertNoViolationsAsync(Page);

        await TabToAsync("name");
        await Page.Keyboard.TypeAsync("Kay Board");
        await TabToTextAsync("Send your learning");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a title for your learning");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("share-learning-errors"), FullPage = true });

        await TabToAsync("email");
        await Page.Keyboard.TypeAsync("kay@example.org");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("Tablets at the tenants' meeting");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("People tried the tablets when a neighbour showed them.");
        await TabToTextAsync("Send your learning");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Thank you for sharing your learning");
        await Axe.AssertNoViolationsAsync(Page);
    }

    private async Task TabToAsync(string id)
    {
        for (var i = 0; i < 60 && await FocusedIdAsync() != id; i++) await Page.Keyboard.PressAsync("Tab");
        Assert.That(await FocusedIdAsync(), Is.EqualTo(id), "reached by Tab");
    }

    private async Task TabToTextAsync(string text)
    {
        for (var i = 0; i < 60 && await FocusedTextAsync() != text; i++) await Page.Keyboard.PressAsync("Tab");
        Assert.That(await FocusedTextAsync(), Is.EqualTo(text), "reached by Tab");
    }

    private Task<string> FocusedIdAsync() => Page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");

    private Task<string> FocusedTextAsync() => Page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.textContent.trim() : ''");

    private static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
