// Why: a preview link shows one item's draft in the theme to whoever holds it, and nothing else: not another item,
// not after it expires or is revoked, never from a cache, never to a search engine.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneDigital.Content.Items;
using OneDigital.Content.Preview;
using OneDigital.Content.Store;
using OneDigital.Site.Models;
using OneDigital.Site.Tests.Pages;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Preview;

public sealed class DraftPreviewTests
{
    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ReadersSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    /// <summary>A published page whose latest version is a draft with other words.</summary>
    internal static async Task<ContentItem> PublishedWithDraftAsync(ReadersSite site, string title, string published, string draft)
    {
        var page = await site.CreateAsync("Page", title, publish: true, published);
        return await site.WithContentAsync(async manager =>
        {
            var next = (await manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired))!;
            next.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = draft;
            await manager.UpdateAsync(next);
            return next;
        });
    }

    internal static async Task<string> IssueAsync(ReadersSite site, string contentItemId, TimeSpan? lifetime = null)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<StoreTransaction>().RunAsync(() =>
            scope.ServiceProvider.GetRequiredService<PreviewTokens>().IssueAsync(contentItemId, "editor", lifetime ?? SitePreviewLink.Lifetime));
        return issued.Token;
    }

    [Test]
    public async Task The_link_shows_the_draft_in_the_items_own_template_marked_as_a_preview_never_cached_or_indexed()
    {
        var page = await PublishedWithDraftAsync(_site, "Opening hours", "Open on Mondays.", "Open **every day** from May.");
        var token = await IssueAsync(_site, page.ContentItemId);

        var published = await _site.GetStringAsync(ItemViews.UrlOf(page)!);
        using var first = await _site.Http.GetAsync(SitePreviewLink.For(page.ContentItemId, token));
        using var second = await _site.Http.GetAsync(SitePreviewLink.For(page.ContentItemId, token));
        var html = await first.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(published, Does.Contain("Open on Mondays.").And.Not.Contain("every day"), "the published page is unchanged");
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("<p>Open <strong>every day</strong> from May.</p>").And.Not.Contain("Open on Mondays."));
            Assert.That(SeededPagesTests.H1s(html), Is.EqualTo(new[] { "Opening hours" }), "Content-Page's one h1");
            Assert.That(html, Does.Contain("Preview — not published").And.Contain("role=\"region\" aria-labelledby=\"preview-banner-title\""));
            Assert.That(html, Does.Contain("<meta name=\"robots\" content=\"noindex\">"));
            Assert.That(html, Does.Not.Contain("rel=\"canonical\""), "a preview is no address of the page");
            Assert.That(first.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(first.Headers.GetValues("X-Robots-Tag").Single(), Is.EqualTo("noindex"));
            Assert.That(second.Headers.Age, Is.Null, "never served from the output cache");
        });
    }

    [Test]
    public async Task A_forged_expired_revoked_or_other_items_token_answers_404_and_shows_nothing_of_the_draft()
    {
        var page = await PublishedWithDraftAsync(_site, "Secret plans", "Nothing yet.", "The hidden draft words.");
        var other = await PublishedWithDraftAsync(_site, "Other plans", "Other.", "Other draft.");
        var otherToken = await IssueAsync(_site, other.ContentItemId);
        var expired = await IssueAsync(_site, page.ContentItemId, TimeSpan.FromMilliseconds(1));
        var revoked = await IssueAsync(_site, page.ContentItemId);
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<PreviewTokens>();
            var live = await tokens.ListLiveAsync(page.ContentItemId);
            foreach (var token in live)
            {
                await tokens.RevokeAsync(token.Id);
            }
        }
        await Task.Delay(20);

        foreach (var (name, link) in new[]
        {
            ("forged", SitePreviewLink.For(page.ContentItemId, new string('A', 43))),
            ("none", $"{SitePreviewLink.PathPrefix}/{page.ContentItemId}"),
            ("expired", SitePreviewLink.For(page.ContentItemId, expired)),
            ("revoked", SitePreviewLink.For(page.ContentItemId, revoked)),
            ("other item's", SitePreviewLink.For(page.ContentItemId, otherToken)),
            ("unknown item", SitePreviewLink.For("nosuchitem", otherToken)),
        })
        {
            using var response = await _site.Http.GetAsync(link);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), name);
                Assert.That(html, Does.Not.Contain("hidden draft").And.Not.Contain("Secret plans").And.Not.Contain("Other draft"), name);
                Assert.That(SeededPagesTests.H1s(html), Is.EqualTo(new[] { "Page not found" }), name);
                Assert.That(response.Headers.CacheControl?.NoStore, Is.True, name);
            });
        }
    }
}

/// <summary>The preview page in Chromium: axe-core finds nothing, and the banner is a labelled region.</summary>
public sealed class DraftPreviewBrowserTests : ReaderBrowserTest
{
    [Test]
    public async Task A_preview_page_has_no_axe_violations_and_announces_itself()
    {
        var page = await DraftPreviewTests.PublishedWithDraftAsync(Site, "Preview in a browser", "Published.", "Draft for the browser.");
        var token = await DraftPreviewTests.IssueAsync(Site, page.ContentItemId);

        await Page.GotoAsync(SitePreviewLink.For(page.ContentItemId, token));

        await Assertions.Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Preview — not published" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Draft for the browser.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }
}
