// Why: a browser test starts its site and a fresh context, and when it fails leaves a screenshot of what the browser
// showed, attached to the test result, because a failed journey is hard to understand from an assertion alone. The
// admin and the readers' site start different sites, so the site is the one thing a test project supplies.
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;

namespace OneDigital.Testing.Web.Browsers;

/// <summary>The base of browser tests: <see cref="Site"/> (started per test) and <see cref="Page"/> in a new context.</summary>
public abstract class BrowserTest<TSite> where TSite : class, IAsyncDisposable
{
    private IBrowserContext? _context;
    private TSite? _site;

    protected TSite Site => _site ?? throw new InvalidOperationException("The site starts in SetUp.");

    protected IPage Page { get; private set; } = null!;

    /// <summary>Starts the site this test runs against.</summary>
    protected abstract Task<TSite> StartSiteAsync();

    /// <summary>The started site's base address.</summary>
    protected abstract Uri AddressOf(TSite site);

    [SetUp]
    public async Task StartBrowserAndSiteAsync()
    {
        var browser = await Browser.GetAsync();
        _site = await StartSiteAsync();
        _context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = AddressOf(_site).ToString(), Locale = "en-GB" });
        // Generous: a hang guard, not a speed check. A sign-in (password hashing, a first render) on a busy two-core
        // machine has taken more than 15 s.
        _context.SetDefaultTimeout(30_000);
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
