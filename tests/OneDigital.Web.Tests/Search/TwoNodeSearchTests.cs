using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Search.Documents;
using OneDigital.Search.Indexes;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.Search;

/// <summary>
/// Two web nodes on one PostgreSQL database, each with its own data folder and Lucene index: what one publishes or
/// removes, the other's search shows within seconds, through the indexing-task log alone.
/// </summary>
public class TwoNodeSearchTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static async Task<string> PublishPageAsync(RunningSite node, string title)
    {
        using var scope = node.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var page = await manager.NewAsync("Page");
        page.GetOrCreatePart("TitlePart")["Title"] = title;
        page.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Shared between the nodes.";
        await manager.CreateAsync(page, publish: true);
        return page.ContentItemId;
    }

    private static async Task RemoveAsync(RunningSite node, string contentItemId)
    {
        using var scope = node.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await manager.RemoveAsync((await manager.GetAsync(contentItemId, VersionOptions.Latest))!);
    }

    private static Task<bool> FindsAsync(RunningSite node, string contentItemId) =>
        node.Services.GetRequiredService<ILuceneSearcherSource>().SearchAsync("Search",
            s => s.Search(new TermQuery(new Term(IndexFieldNames.ContentItemId, contentItemId)), 1).TotalHits > 0);

    /// <summary>Polls until the node's search answers as expected; fails only when the deadline passes.</summary>
    private static async Task EventuallyAsync(RunningSite node, string contentItemId, bool found, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (await FindsAsync(node, contentItemId) != found)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: not seen within {Deadline.TotalSeconds} s.");
            }
            await Task.Delay(100);
        }
    }

    [Test]
    public async Task What_one_node_publishes_or_removes_the_other_nodes_search_shows_within_seconds()
    {
        await using var site = TestSite.CreatePostgres();
        var secondDataDir = Path.Combine(site.DataDir, "node-b");
        await using var nodeA = await site.StartAsync();
        await nodeA.SetupCompletion;
        var nodeB = await site.StartAsync($"--OneDigital:DataDir={secondDataDir}");
        try
        {
            await nodeB.SetupCompletion;

            var published = await PublishPageAsync(nodeA, "Published on node A");
            await EventuallyAsync(nodeB, published, found: true, "an item published on A, in B's search");

            await RemoveAsync(nodeA, published);
            await EventuallyAsync(nodeB, published, found: false, "an item removed on A, gone from B's search");

            await nodeB.DisposeAsync();
            var whileStopped = await PublishPageAsync(nodeA, "Published while B was stopped");
            nodeB = await site.StartAsync($"--OneDigital:DataDir={secondDataDir}");
            await nodeB.SetupCompletion;
            await EventuallyAsync(nodeB, whileStopped, found: true, "an item published while B was stopped, after B restarts");
            Assert.That(Directory.Exists(Path.Combine(secondDataDir, "Lucene", "Search")), Is.True, "B keeps its own index in its own data folder");
        }
        finally
        {
            await nodeB.DisposeAsync();
        }
    }
}
