// Why: browser tests are slow, so the run starts Debian's Chromium once and each test gets a fresh context (its own
// cookies and storage). Playwright drives the system Chromium (no download); a machine without it skips these tests
// with the reason, and scripts/test.sh installs it.
using Microsoft.Playwright;

namespace OneDigital.Testing.Web.Browsers;

/// <summary>The one Chromium of the test run (each test project closes it from a set-up fixture of its own: NUnit only
/// runs fixtures declared in the test assembly).</summary>
public static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>The browser, launched on first use; ignores the calling test when Chromium is not installed.</summary>
    public static async Task<IBrowser> GetAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Ignore($"Chromium is not installed at {ExecutablePath} (scripts/test.sh installs it: apt-get install -y chromium)");
        }
        await Starting.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                ],
            });
            return _browser;
        }
        finally
        {
            Starting.Release();
        }
    }

    public static async Task CloseAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
    }
}
