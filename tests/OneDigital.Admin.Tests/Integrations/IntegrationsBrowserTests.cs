// Why: the journeys an administrator makes in Chromium, by keyboard-usable links and buttons, with axe-core finding
// nothing on any page: register a partner and use its secret at /connect/token, rotate it; add a webhook to a
// receiver on loopback and watch a publish, a redelivery and a ping arrive in its log.
using System.Net;
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;
using static OneDigital.Admin.Tests.Integrations.IntegrationSupport;

namespace OneDigital.Admin.Tests.Integrations;

public sealed class IntegrationsBrowserTests : BrowserTest
{
    protected override string[] SiteSettings => SiteArguments;

    /// <summary>Reloads the log until a row matches (the dispatcher records the answer just after the receiver has it).</summary>
    private async Task WaitForRowAsync(string selector)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await Page.Locator(selector).CountAsync() == 0)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"the log has a row {selector}");
            await Task.Delay(250);
            await Page.GetByRole(AriaRole.Link, new() { Name = "Refresh" }).ClickAsync();
        }
    }

    private Task ShotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{name}.png"), FullPage = true });

    [Test]
    public async Task An_administrator_registers_a_partner_gets_a_token_with_its_secret_and_a_new_secret_ends_the_old_one()
    {
        await SignInAsync();
        await Page.GotoAsync("/admin/configuration");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Partner applications" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/partners");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Register an application" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register application" }).ClickAsync();
        Assert.That(await Page.Locator(".govuk-error-summary").TextContentAsync(), Does.Contain("Enter a client id").And.Contain("Choose at least one role"));
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByLabel("Client id").FillAsync("browser-partner");
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser partner");
        await Page.GetByLabel("Administrator").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register application" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/partners/browser-partner?registered=true");
        await Axe.AssertNoViolationsAsync(Page);
        await ShotAsync("partner-registered");
        var secret = await Page.GetByTestId("secret").TextContentAsync();
        var token = await TokenAsync(Site.Address, "browser-partner", secret!);
        Assert.That(token, Is.Not.Empty);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Make a new client secret" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByText("the old one no longer works").WaitForAsync();
        var newSecret = await Page.GetByTestId("secret").TextContentAsync();
        Assert.That(newSecret, Is.Not.EqualTo(secret));
        using (var old = await RequestTokenAsync(Site.Address, "browser-partner", secret!))
        {
            Assert.That(old.IsSuccessStatusCode, Is.False, "the old secret is refused");
        }
        Assert.That(await TokenAsync(Site.Address, "browser-partner", newSecret!), Is.Not.Empty);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Revoke this application" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/partners?revoked=browser-partner");
        Assert.That(await Page.GetByTestId("no-applications").IsVisibleAsync(), Is.True);
    }

    [Test]
    public async Task An_administrator_adds_a_webhook_sees_a_publish_in_its_log_then_redelivers_and_pings()
    {
        using var receiver = new LoopbackReceiver();
        await SignInAsync();
        await Page.GotoAsync("/admin/webhooks");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a webhook" }).ClickAsync();
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("receiver");
        await Page.GetByLabel("URL").FillAsync("not a url");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
        Assert.That(await Page.Locator(".govuk-error-summary").TextContentAsync(), Does.Contain("Enter a full web address"));
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByLabel("URL").FillAsync(receiver.Url);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/webhooks/*?added=true");
        Assert.That(await Page.GetByTestId("secret").TextContentAsync(), Is.Not.Empty);
        await Axe.AssertNoViolationsAsync(Page);

        await Site.CreateItemAsync("Page", "Announced to partners", publish: true);
        await receiver.WaitForAsync("published");
        await WaitForRowAsync("tr[data-event=published]:has(td[data-testid=response]:text-is('200'))");
        await Axe.AssertNoViolationsAsync(Page);
        await ShotAsync("webhook-log");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Redeliver" }).First.ClickAsync();
        await Page.WaitForURLAsync("**?done=redelivered");
        await receiver.WaitForAsync("published", 2);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send a test ping" }).ClickAsync();
        await Page.WaitForURLAsync("**?done=pinged");
        await receiver.WaitForAsync("ping");
        await WaitForRowAsync("tr[data-event=ping]:has(td[data-testid=response]:text-is('200'))");
        Assert.That(await Page.Locator("tr[data-event=ping]").CountAsync(), Is.EqualTo(1));
        Assert.That(await Page.Locator("tr[data-event=published]").CountAsync(), Is.EqualTo(2));

        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit the webhook" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GoBackAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Remove the webhook" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/webhooks?removed=receiver");
        await Axe.AssertNoViolationsAsync(Page);
    }
}
