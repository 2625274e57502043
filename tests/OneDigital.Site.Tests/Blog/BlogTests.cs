// Why: the blog is where projects share updates: its page pages through the posts newest first, a post says who
// wrote it and when, links its topics to the hub and offers related learning, and feed readers get the latest posts.
using System.ServiceModel.Syndication;
using System.Xml;
using OneDigital.Site.Tests.Hub;
using OneDigital.Site.Tests.Pages;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Blog;

public sealed class BlogTests
{
    private ReadersSite _site = null!;

    // 22 published posts (the last three on learners, the others on Digital Champions) and a draft, newest of all.
    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await ReadersSite.StartAsync();
        for (var i = 1; i <= 22; i++)
        {
            await _site.PostAsync($"Post {i:00}", author: "Ada Editor", topics: i > 19 ? HubContent.Learners : HubContent.Champions);
        }
        await _site.PostAsync("A draft post", publish: false, topics: HubContent.Learners);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task The_blog_pages_through_its_published_posts_newest_first_ten_at_a_time()
    {
        var first = await _site.GetStringAsync("/blog");
        var third = await _site.GetStringAsync("/blog?page=3");

        Assert.Multiple(() =>
        {
            Assert.That(SeededPagesTests.H1s(first), Is.EqualTo(new[] { "Blog" }));
            Assert.That(first, Does.Contain("Showing 1 to 10 of 22 posts"));
            Assert.That(KnowledgeHubTests.Titles(first), Is.EqualTo(Enumerable.Range(13, 10).Reverse().Select(i => $"Post {i:00}")));
            Assert.That(first, Does.Contain("href=\"/blog?page=2\" rel=\"next\""));
            Assert.That(third, Does.Contain("Showing 21 to 22 of 22 posts"));
            Assert.That(KnowledgeHubTests.Titles(third), Is.EqualTo(new[] { "Post 02", "Post 01" }));
            Assert.That(first + third, Does.Not.Contain("A draft post"));
        });
    }

    [Test]
    public async Task A_post_shows_its_author_date_topics_linked_to_the_hub_and_related_items()
    {
        var html = await _site.GetStringAsync("/blog/post-20");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("By Ada Editor."));
            Assert.That(html, Does.Match($"Published <time datetime=\"{DateTime.UtcNow:yyyy-MM-dd}\">"));
            Assert.That(html, Does.Contain("<a class=\"govuk-link\" href=\"/knowledge-hub?topic=working-with-learners\">Working with learners</a>"));
            // The newest others on learners: posts 22 and 21, then report part 1 (the draft is not published).
            var related = html[html.IndexOf("Related learning", StringComparison.Ordinal)..];
            Assert.That(KnowledgeHubTests.Titles(related), Is.EqualTo(new[] { "Post 22", "Post 21", "Working with learners" }));
        });
    }

    [Test]
    public async Task The_RSS_feed_parses_as_RSS_2_and_lists_exactly_the_latest_twenty_published_posts_with_absolute_links()
    {
        using var response = await _site.Http.GetAsync("/blog/rss.xml");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/rss+xml"));
        var formatter = new Rss20FeedFormatter();
        using (var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync()))
        {
            Assert.That(formatter.CanRead(reader), "an RSS 2.0 document");
            formatter.ReadFrom(reader);
        }

        AssertLatestPosts(formatter.Feed);
    }

    [Test]
    public async Task The_Atom_feed_parses_as_Atom_and_lists_exactly_the_latest_twenty_published_posts_with_absolute_links()
    {
        using var response = await _site.Http.GetAsync("/blog/atom.xml");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/atom+xml"));
        var formatter = new Atom10FeedFormatter();
        using (var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync()))
        {
            Assert.That(formatter.CanRead(reader), "an Atom 1.0 document");
            formatter.ReadFrom(reader);
        }

        AssertLatestPosts(formatter.Feed);
        Assert.That(formatter.Feed.Items.First().Authors.Select(a => a.Name), Is.EqualTo(new[] { "Ada Editor" }));
    }

    [Test]
    public async Task Every_page_advertises_both_feeds_in_its_head_and_links_them_in_its_footer()
    {
        var html = await _site.GetStringAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"One Digital blog\" href=\"/blog/rss.xml\">"));
            Assert.That(html, Does.Contain("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"One Digital blog (Atom)\" href=\"/blog/atom.xml\">"));
            Assert.That(html, Does.Contain("href=\"/blog/atom.xml\">Blog Atom feed</a>"));
        });
    }

    private void AssertLatestPosts(SyndicationFeed feed)
    {
        var origin = _site.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);
        Assert.Multiple(() =>
        {
            Assert.That(feed.Items.Select(i => i.Title.Text), Is.EqualTo(Enumerable.Range(3, 20).Reverse().Select(i => $"Post {i:00}")));
            Assert.That(feed.Items.Select(i => i.Links[0].Uri.AbsoluteUri), Has.All.StartWith(origin + "/blog/post-"));
            Assert.That(feed.Items.First().Categories.Select(c => c.Name), Is.EqualTo(new[] { "Working with learners" }));
            Assert.That(feed.Links.Select(l => l.Uri.AbsoluteUri), Does.Contain(origin + "/blog"));
        });
    }
}
