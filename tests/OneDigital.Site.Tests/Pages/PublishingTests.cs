// Why: readers see only published content, and see it as soon as it is published: the cached home page must follow
// a publish within a second, and an unpublished or removed item's address must stop answering.
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Site.Models;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Pages;

public sealed class PublishingTests
{
    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ReadersSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task A_post_published_through_the_content_manager_is_on_the_cached_home_page_within_a_second()
    {
        await _site.GetStringAsync("/");
        using (var cached = await _site.Http.GetAsync("/"))
        {
            Assert.That(cached.Headers.Age, Is.Not.Null, "the second visit is served from the output cache");
        }
        var blogId = await _site.IdAtAsync("blog");

        await _site.CreateAsync("BlogPost", "Champions in libraries", publish: true, "Learning from **libraries**.", InList(blogId));

        var clock = Stopwatch.StartNew();
        string home;
        do
        {
            home = await _site.GetStringAsync("/");
        }
        while (!home.Contains("Champions in libraries") && clock.Elapsed < TimeSpan.FromSeconds(1));
        Assert.That(home, Does.Contain("<a class=\"govuk-link\" href=\"/blog/champions-in-libraries\">Champions in libraries</a>"),
            $"on the home page after {clock.ElapsedMilliseconds} ms");
    }

    [Test]
    public async Task Each_type_of_the_setup_recipe_renders_its_own_values_at_its_path()
    {
        var blogId = await _site.IdAtAsync("blog");
        var post = await _site.CreateAsync("BlogPost", "A post with a subtitle", publish: true, "Post body", item =>
        {
            InList(blogId)(item);
            item.GetOrCreatePart("BlogPost")["Subtitle"] = new JsonObject { ["Text"] = "Subtitle & more" };
        });
        var study = await _site.CreateAsync("CaseStudy", "Champions in Cardiff", publish: true, "Study body", item =>
        {
            var part = item.GetOrCreatePart("CaseStudy");
            part["Organisation"] = new JsonObject { ["Text"] = "Cardiff Libraries" };
            part["ChampionsInvolved"] = new JsonObject { ["Value"] = 42 };
        });
        var starts = DateTime.UtcNow.AddDays(10);
        var meeting = await _site.CreateAsync("Event", "Learning set in Leeds", publish: true, "Event body", item =>
        {
            var part = item.GetOrCreatePart("Event");
            part["StartsAt"] = new JsonObject { ["Value"] = starts };
            part["Venue"] = new JsonObject { ["Text"] = "Leeds Central Library" };
            part["Registration"] = new JsonObject { ["Url"] = "https://example.test/register", ["Text"] = "Book a place" };
        });

        var postHtml = await _site.GetStringAsync(ItemViews.UrlOf(post)!);
        var studyHtml = await _site.GetStringAsync(ItemViews.UrlOf(study)!);
        var eventHtml = await _site.GetStringAsync(ItemViews.UrlOf(meeting)!);
        var home = await _site.GetStringAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(SeededPagesTests.H1s(postHtml), Is.EqualTo(new[] { "A post with a subtitle" }));
            Assert.That(postHtml, Does.Contain("Subtitle &amp; more"), "text fields are encoded");
            Assert.That(postHtml, Does.Contain("<p>Post body</p>"));
            Assert.That(postHtml, Does.Contain("href=\"/blog\">Back to the blog</a>"), "the container");
            Assert.That(studyHtml, Does.Contain("Cardiff Libraries").And.Contain(">42<"));
            Assert.That(eventHtml, Does.Contain("Leeds Central Library").And.Contain("href=\"https://example.test/register\">Book a place</a>"));
            Assert.That(home, Does.Contain("Learning set in Leeds"), "the next events");
            Assert.That(home, Does.Contain("Champions in Cardiff"), "the latest case studies");
        });
    }

    [Test]
    public async Task A_draft_is_not_shown_and_an_unpublished_item_answers_404()
    {
        var draft = await _site.CreateAsync("Page", "A draft page", publish: false, "Not yet");
        var page = await _site.CreateAsync("Page", "A page to unpublish", publish: true, "For now");
        var pagePath = ItemViews.UrlOf(page)!;
        Assert.That((await _site.Http.GetAsync(pagePath)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await _site.WithContentAsync(async manager =>
        {
            await manager.UnpublishAsync((await manager.GetAsync(page.ContentItemId, VersionOptions.Published))!);
            return true;
        });

        Assert.That((await _site.Http.GetAsync(ItemViews.UrlOf(draft)!)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _site.Http.GetAsync(pagePath)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_removed_items_path_answers_410_while_a_never_published_ones_and_a_path_never_used_answer_404()
    {
        var page = await _site.CreateAsync("Page", "A page to remove", publish: true, "Soon gone");
        var draft = await _site.CreateAsync("Page", "A draft to remove", publish: false, "Never seen");
        var path = ItemViews.UrlOf(page)!;

        await RemoveAsync(page.ContentItemId);
        await RemoveAsync(draft.ContentItemId);

        using var removed = await _site.Http.GetAsync(path);
        var html = await removed.Content.ReadAsStringAsync();
        using var neverPublished = await _site.Http.GetAsync(ItemViews.UrlOf(draft)!);
        using var neverThere = await _site.Http.GetAsync("/no-page-was-ever-here");
        Assert.Multiple(() =>
        {
            Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(SeededPagesTests.H1s(html), Is.EqualTo(new[] { "This page has been removed" }));
            Assert.That(html, Does.Contain("<meta name=\"robots\" content=\"noindex\">").And.Not.Contain("Soon gone"));
            Assert.That(neverPublished.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(neverThere.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task A_removed_items_path_taken_by_a_new_item_follows_the_new_item()
    {
        var old = await _site.CreateAsync("Page", "A reused address", publish: true, "The old page");
        var path = ItemViews.UrlOf(old)!;
        await RemoveAsync(old.ContentItemId);
        Assert.That((await _site.Http.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.Gone));

        var successor = await _site.CreateAsync("Page", "A reused address", publish: false, "The new page");
        Assert.That(ItemViews.UrlOf(successor), Is.EqualTo(path), "the removed item's path is free again");
        Assert.That((await _site.Http.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a new draft there is not published yet");

        await _site.WithContentAsync(async manager =>
        {
            await manager.PublishAsync((await manager.GetAsync(successor.ContentItemId, VersionOptions.Latest))!);
            return true;
        });
        Assert.That(await _site.GetStringAsync(path), Does.Contain("The new page"));
    }

    private Task RemoveAsync(string contentItemId) => _site.WithContentAsync(async manager =>
    {
        await manager.RemoveAsync((await manager.GetAsync(contentItemId, VersionOptions.Latest))!);
        return true;
    });

    private static Action<ContentItem> InList(string listId) =>
        item => item.GetOrCreatePart("ContainedPart")["ListContentItemId"] = listId;
}
