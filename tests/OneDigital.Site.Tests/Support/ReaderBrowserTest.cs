// Why: readers' browser tests run against the real site set up with the setup recipe, a fresh one per test, with no
// one signed in — as a reader arrives.
namespace OneDigital.Site.Tests.Support;

/// <summary>The base of the site's browser tests: <see cref="ReadersSite"/> per test and a page in a fresh context.</summary>
public abstract class ReaderBrowserTest : BrowserTest<ReadersSite>
{
    /// <summary>Extra settings for the site this fixture's tests run against.</summary>
    protected virtual string[] SiteSettings => [];

    protected override Task<ReadersSite> StartSiteAsync() => ReadersSite.StartAsync(SiteSettings);

    protected override Uri AddressOf(ReadersSite site) => site.Http.BaseAddress ?? throw new InvalidOperationException("The site has no address.");
}
