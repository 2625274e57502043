// Why: a browser test starts the site and a fresh context, and when it fails leaves a screenshot of what the browser
// showed, attached to the test result, because a failed journey is hard to understand from an assertion alone.
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;

namespace OneDigital.Admin.Tests.Support;

/// <summary>The base of browser tests: <see cref="Site"/> (started per test) and <see cref="Page"/> in a new context.</summary>
public abstract class BrowserTest
{
    private IBrowserContext? _context;
    private AdminSite? _site;

    protected AdminSite Site => _site ?? throw new InvalidOperationException("The site starts in SetUp.");

    protected IPage Page { get; private set; } = null!;

    /// <summary>Extra settings for the site this fixture's tests run against.</summary>
    protected virtual string[] SiteSettings => [];

    /// <summary>Services of the fixture's own added last (a clock the test moves); none by default.</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? SiteServices => null;

    [SetUp]
    public async Task StartBrowserAndSiteAsync()
    {
        var browser = await Browser.GetAsync();
        _site = SiteServices is { } services ? await AdminSite.StartAsync(services, SiteSettings) : await AdminSite.StartAsync(SiteSettings);
        _context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Site.Address.ToString(), Locale = "en-GB" });
        _context.SetDefaultTimeout(15_000);
        Page = await _context.NewPageAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        try
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed && _context is not null)
            {
                await SaveScreenshotAsync();
            }
        }
        finally
        {
            if (_context is not null) await _context.CloseAsync();
            if (_site is not null) await _site.DisposeAsync();
            _context = null;
            _site = null;
        }
    }

    /// <summary>Signs in through the form as a person would, and waits for the dashboard.</summary>
    protected async Task SignInAsync(string userName = AdminSite.AdminUserName, string password = AdminSite.AdminPassword)
    {
        await Page.GotoAsync("/admin/sign-in");
        await Page.GetByLabel("User name or email").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin");
    }

    private async Task SaveScreenshotAsync()
    {
        var folder = Path.Combine(RepositoryArtifacts(), "screenshots");
        Directory.CreateDirectory(folder);
        var name = string.Concat(TestContext.CurrentContext.Test.FullName.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_'));
        var path = Path.Combine(folder, $"{name}.png");
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            TestContext.AddTestAttachment(path, "the page when the test failed");
            await TestContext.Out.WriteLineAsync($"screenshot: {path} (at {Page.Url})");
        }
        catch (PlaywrightException ex)
        {
            await TestContext.Out.WriteLineAsync($"no screenshot: {ex.Message}");
        }
    }

    /// <summary>artifacts/ at the repository root (beside OneDigital.sln), where scripts/test.sh leaves results.</summary>
    private static string RepositoryArtifacts()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneDigital.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? TestContext.CurrentContext.TestDirectory, "artifacts");
    }
}
