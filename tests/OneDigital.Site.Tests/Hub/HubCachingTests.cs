// Why: a filtered hub page is cached like every anonymous page, and a publish must show on it at once (its own site,
// since the publish changes the counts other hub tests read).
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Hub;

public sealed class HubCachingTests
{
    [Test]
    public async Task A_filtered_hub_page_is_served_from_the_cache_until_an_item_is_published()
    {
        await using var site = await ReadersSite.StartAsync();
        await site.EventAsync("A workshop published first", HubContent.Learners);
        const string path = "/knowledge-hub?type=event";
        await site.GetStringAsync(path);
        using (var cached = await site.Http.GetAsync(path))
        {
            Assert.That(cached.Headers.Age, Is.Not.Null, "the second visit is served from the output cache");
        }

        await site.EventAsync("A workshop published later", HubContent.Champions);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        string html;
        do
        {
            html = await site.GetStringAsync(path);
        }
        while (!html.Contains("A workshop published later") && clock.Elapsed < TimeSpan.FromSeconds(1));
        Assert.That(KnowledgeHubTests.Titles(html), Is.EqualTo(new[] { "A workshop published later", "A workshop published first" }));
    }
}
