// Why: a feed is cached like a page and must follow a publish at once; its links start with the site's public
// address when one is set (the feed is read away from the site, perhaps through a proxy).
using System.Diagnostics;
using System.ServiceModel.Syndication;
using System.Xml;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Blog;

public sealed class FeedPublishingTests
{
    [Test]
    public async Task A_cached_feed_lists_a_new_post_within_a_second_with_links_from_the_public_address()
    {
        await using var site = await ReadersSite.StartAsync("--OneDigital:Site:PublicUrl=https://onedigital.example.org");
        await site.PostAsync("The first post");
        Assert.That((await ReadAsync(site)).Items.Select(i => i.Title.Text), Is.EqualTo(new[] { "The first post" }));
        using (var cached = await site.Http.GetAsync("/blog/rss.xml"))
        {
            Assert.That(cached.Headers.Age, Is.Not.Null, "the second read is served from the output cache");
        }

        await site.PostAsync("A post published later");

        var clock = Stopwatch.StartNew();
        SyndicationFeed feed;
        do
        {
            feed = await ReadAsync(site);
        }
        while (feed.Items.Count() < 2 && clock.Elapsed < TimeSpan.FromSeconds(1));
        Assert.Multiple(() =>
        {
            Assert.That(feed.Items.Select(i => i.Title.Text), Is.EqualTo(new[] { "A post published later", "The first post" }));
            Assert.That(feed.Items.First().Links[0].Uri.AbsoluteUri, Is.EqualTo("https://onedigital.example.org/blog/a-post-published-later"));
        });
    }

    private static async Task<SyndicationFeed> ReadAsync(ReadersSite site)
    {
        await using var stream = await site.Http.GetStreamAsync("/blog/rss.xml");
        using var reader = XmlReader.Create(stream);
        return SyndicationFeed.Load(reader);
    }
}
