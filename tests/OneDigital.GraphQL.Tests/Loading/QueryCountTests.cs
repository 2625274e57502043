using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Store;
using OneDigital.GraphQL.Tests.Support;

namespace OneDigital.GraphQL.Tests.Loading;

/// <summary>Pickers, taxonomy terms, list children and containers load in batches: a page costs the same queries whatever its size.</summary>
public class QueryCountTests
{
    /// <summary>Counts the commands of executions, not the once-a-second poll of store versions (StoreVersions), whose timing varies.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _commands = new();

        public int Count => _count;

        public IReadOnlyList<string> Commands => [.. _commands];

        private void Record(DbCommand command)
        {
            if (!command.CommandText.Contains("IndexingTasks", StringComparison.Ordinal) && !command.CommandText.Contains(StoreVersions.PollTag, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
                _commands.Enqueue(command.CommandText);
            }
        }

        public void Reset()
        {
            Interlocked.Exchange(ref _count, 0);
            _commands.Clear();
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return base.ReaderExecuting(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, ct);
        }
    }

    [Test]
    public async Task A_page_of_50_items_costs_as_many_store_queries_as_a_page_of_5()
    {
        var counter = new CommandCounter();
        await using var site = await GraphQLTestSite.OneDigitalAsync(services =>
            services.ConfigureDbContext<SqliteContentDbContext>(o => o.AddInterceptors(counter)));
        await using (var scope = site.Store.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().AlterFieldAsync("BlogPost", "Related", "ContentPickerField",
                f => f.Settings["ContentPickerFieldSettings"] = new JsonObject { ["Multiple"] = true, ["DisplayAllContentTypes"] = true });
        }
        var blogId = (await site.DataAsync("{ blog { contentItemId } }"))["blog"]![0]!["contentItemId"]!.GetValue<string>();
        var pageIds = (await site.DataAsync("{ page { contentItemId } }"))["page"]!.AsArray().Select(p => (JsonNode)p!["contentItemId"]!.GetValue<string>()).ToArray();
        var topics = (await site.DataAsync("""{ taxonomy(where: { displayText: "Topics" }) { contentItemId taxonomyPart { contentItems { contentItemId } } } }"""))["taxonomy"]![0]!;
        var topicsId = topics["contentItemId"]!.GetValue<string>();
        var termIds = topics["taxonomyPart"]!["contentItems"]!.AsArray().Select(t => t!["contentItemId"]!.GetValue<string>()).ToArray();
        for (var n = 0; n < 50; n++)
        {
            await site.CreateAsync("BlogPost", i =>
            {
                i.DisplayText = $"Post {n}";
                i.GetOrCreatePart("ContainedPart")["ListContentItemId"] = blogId;
                var own = i.GetOrCreatePart("BlogPost");
                own["Topics"] = new JsonObject { ["TaxonomyContentItemId"] = topicsId, ["TermContentItemIds"] = new JsonArray(termIds[n % termIds.Length], termIds[(n + 1) % termIds.Length]) };
                own["Related"] = new JsonObject { ["ContentItemIds"] = new JsonArray([.. pageIds.Select(p => p!.DeepClone())]) };
            });
        }

        async Task<int> QueriesFor(int first)
        {
            var query = $$"""
                {
                  blogPost(first: {{first}}) {
                    displayText
                    topics { termContentItems { displayText } taxonomyContentItem { displayText } }
                    related { contentItems { displayText } }
                    containedPart { listContentItem { displayText ... on Blog { listPart { contentItems(first: 3) { displayText } } } } }
                  }
                  blog { listPart { contentItems(first: {{first}}) { displayText ... on BlogPost { related { contentItems { displayText } } } } } }
                }
                """;
            counter.Reset();
            var data = await site.DataAsync(query);
            Assert.That(data["blogPost"]!.AsArray(), Has.Count.EqualTo(first));
            Assert.That(data["blog"]![0]!["listPart"]!["contentItems"]!.AsArray(), Has.Count.EqualTo(first));
            return counter.Count;
        }

        var five = await QueriesFor(5);
        var fifty = await QueriesFor(50);
        TestContext.Out.WriteLine($"store queries: page of 5 = {five}, page of 50 = {fifty}");
        Assert.That(five, Is.GreaterThan(0), "the counter sees the store's commands");
        Assert.That(fifty, Is.EqualTo(five));
    }

    [Test]
    public async Task A_repeated_anonymous_list_reads_no_roles_or_definitions_from_the_store()
    {
        var counter = new CommandCounter();
        await using var site = await GraphQLTestSite.OneDigitalAsync(services =>
            services.ConfigureDbContext<SqliteContentDbContext>(o => o.AddInterceptors(counter)));
        // Filtered, so the page goes through EF, whose interceptor counts it (an unfiltered page is plain SQL, unseen).
        const string query = """{ blogPost(first: 5, where: { displayText_not_contains: "no such title" }) { displayText } }""";
        await site.DataAsync(query);

        counter.Reset();
        await site.DataAsync(query);

        var commands = counter.Commands;
        TestContext.Out.WriteLine($"store commands for a repeated anonymous list: {commands.Count}\n{string.Join("\n---\n", commands)}");
        // Permissions and Securable types come from process-wide caches kept per store version (StoreVersions polls it).
        Assert.That(commands.Where(c => c.Contains("\"Documents\"", StringComparison.Ordinal) || c.Contains("Role", StringComparison.Ordinal)), Is.Empty);
        Assert.That(commands, Is.Not.Empty, "the list itself is read");
    }

    [Test]
    public async Task Localizations_of_a_page_of_50_items_cost_as_many_store_queries_as_of_5()
    {
        var counter = new CommandCounter();
        await using var site = await GraphQLTestSite.OneDigitalAsync(services =>
            services.ConfigureDbContext<SqliteContentDbContext>(o => o.AddInterceptors(counter)));
        await using (var scope = site.Store.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().AlterTypeAsync("BlogPost", t =>
                t.Parts.Add(new ContentTypePartDefinition { PartName = "LocalizationPart", Name = "LocalizationPart" }));
        }
        for (var n = 0; n < 50; n++)
        {
            await site.CreateAsync("BlogPost", i => i.DisplayText = $"Post {n}");
        }

        async Task<int> QueriesFor(int first)
        {
            counter.Reset();
            var data = await site.DataAsync($$"""{ blogPost(first: {{first}}) { localizationPart { localizations { displayText } } } }""");
            var posts = data["blogPost"]!.AsArray();
            Assert.That(posts, Has.Count.EqualTo(first));
            Assert.That(posts.Select(p => p!["localizationPart"]!["localizations"]!.AsArray().Count), Is.All.EqualTo(1), "each post is alone in its set");
            return counter.Count;
        }

        await QueriesFor(1); // the first execution after the definitions changed reads them and the roles
        var five = await QueriesFor(5);
        var fifty = await QueriesFor(50);
        TestContext.Out.WriteLine($"store queries: page of 5 = {five}, page of 50 = {fifty}");
        Assert.That(fifty, Is.EqualTo(five));
    }
}
