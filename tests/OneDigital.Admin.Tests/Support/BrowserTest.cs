// Why: admin browser tests run against the admin's test site (a configured administrator, settings and services a
// fixture may add) and most begin by signing in as a person would.
using Microsoft.Playwright;
using OneDigital.Testing.Web.Browsers;

namespace OneDigital.Admin.Tests.Support;

/// <summary>The base of admin browser tests: <see cref="AdminSite"/> per test and a page in a fresh context.</summary>
public abstract class BrowserTest : BrowserTest<AdminSite>
{
    /// <summary>Extra settings for the site this fixture's tests run against.</summary>
    protected virtual string[] SiteSettings => [];

    /// <summary>Services of the fixture's own added last (a clock the test moves); none by default.</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? SiteServices => null;

    protected override Task<AdminSite> StartSiteAsync() =>
        SiteServices is { } services ? AdminSite.StartAsync(services, SiteSettings) : AdminSite.StartAsync(SiteSettings);

    protected override Uri AddressOf(AdminSite site) => site.Address;

    /// <summary>Signs in through the form as a person would, and waits for the dashboard.</summary>
    protected async Task SignInAsync(string userName = AdminSite.AdminUserName, string password = AdminSite.AdminPassword)
    {
        await Page.GotoAsync("/admin/sign-in");
        await Page.GetByLabel("User name or email").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin");
    }
}
