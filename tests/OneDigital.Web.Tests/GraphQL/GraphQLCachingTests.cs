using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Changes;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Web.Tests.GraphQL.Support;

namespace OneDigital.Web.Tests.GraphQL;

/// <summary>
/// ETags, 304, the server-side cache and its invalidation. A title changed straight in the store (no content event)
/// shows whether an answer came from the cache: a cached answer still has the old title.
/// </summary>
public sealed class GraphQLCachingTests : GraphQLSiteFixture
{
    private const string Articles = "{ article { contentItemId displayText } }";

    [Test]
    public async Task An_anonymous_read_of_published_content_carries_a_strong_ETag_and_public_max_age()
    {
        var answer = await Http.GraphQLPostAsync("{ article { contentItemId } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.ETag, Does.StartWith("\"").And.EndWith("\""));
        Assert.That(answer.CacheControl, Is.EqualTo("public, max-age=60"));
        Assert.That(answer.Headers.Vary, Does.Contain("Authorization"));
    }

    [Test]
    public async Task If_None_Match_with_the_current_ETag_answers_304_without_a_body()
    {
        var first = await Http.GraphQLGetAsync("{ article { displayText } }");
        var again = await Http.GraphQLGetAsync("{ article { displayText } }", ifNoneMatch: first.ETag);
        var stale = await Http.GraphQLGetAsync("{ article { displayText } }", ifNoneMatch: "\"something-else\"");

        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(again.Body, Is.Empty);
        Assert.That(again.ETag, Is.EqualTo(first.ETag));
        Assert.That(stale.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(stale.Body, Is.EqualTo(first.Body));
    }

    [Test]
    public async Task A_repeated_query_is_answered_from_the_cache_until_an_item_is_published()
    {
        var before = await Http.GraphQLPostAsync(Articles);
        await RetitleInStoreAsync("article1", "Retitled behind the cache");

        var cached = await Http.GraphQLPostAsync(Articles);
        await PublishNewArticleAsync("Fresh article");
        var fresh = await Http.GraphQLPostAsync(Articles);

        Assert.That(cached.Body, Is.EqualTo(before.Body));
        Assert.That(cached.ETag, Is.EqualTo(before.ETag));
        Assert.That(fresh.Body, Does.Contain("Fresh article").And.Contain("Retitled behind the cache"));
        Assert.That(fresh.ETag, Is.Not.EqualTo(before.ETag));
    }

    [Test]
    public async Task Unpublishing_an_item_invalidates_the_cache()
    {
        var id = await PublishNewArticleAsync("Soon unpublished");
        var before = await Http.GraphQLPostAsync("{ article { contentItemId } }");

        await WithContentManagerAsync(async manager => await manager.UnpublishAsync((await manager.GetAsync(id, VersionOptions.Latest))!));
        var after = await Http.GraphQLPostAsync("{ article { contentItemId } }");

        Assert.That(before.Body, Does.Contain(id));
        Assert.That(after.Body, Does.Not.Contain(id));
    }

    [Test]
    public async Task Queries_that_differ_only_in_layout_share_one_cache_entry()
    {
        var first = await Http.GraphQLPostAsync("query { article { contentItemId published } }");
        var second = await Http.GraphQLPostAsync("query {\n  article {\n    contentItemId\n    published\n  }\n}\n");

        Assert.That(second.ETag, Is.EqualTo(first.ETag));
    }

    [TestCase("{ article(status: DRAFT) { contentItemId } }", null)]
    [TestCase("query Q($s: Status) { article(status: $s) { contentItemId } }", "LATEST")]
    public async Task Reads_of_drafts_are_never_shared(string query, string? status)
    {
        var answer = await Http.GraphQLPostAsync(query, status is null ? null : new { s = status });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.ETag, Is.Null);
        Assert.That(answer.CacheControl, Is.EqualTo("no-store"));
    }

    [Test]
    public async Task A_status_variable_of_PUBLISHED_is_shared()
    {
        var answer = await Http.GraphQLPostAsync("query Q($s: Status) { article(status: $s) { contentItemId } }", new { s = "PUBLISHED" });

        Assert.That(answer.ETag, Is.Not.Null);
    }

    [Test]
    public async Task Responses_with_errors_are_never_shared()
    {
        var answer = await Http.GraphQLPostAsync("{ boom }");

        Assert.That(answer.ETag, Is.Null);
        Assert.That(answer.CacheControl, Is.EqualTo("no-store"));
    }

    [Test]
    public async Task Authenticated_responses_are_private_and_never_shared_either_way()
    {
        const string query = "{ whoami article { contentItemId } }";
        var anonymous = await Http.GraphQLPostAsync(query);
        var partner = await Http.GraphQLPostAsync(query, authorization: TestApiAuthentication.Bearer("Partner"));
        var anonymousAgain = await Http.GraphQLPostAsync(query);

        Assert.That(anonymous.Json!["data"]!["whoami"]!.GetValue<string>(), Is.EqualTo("anonymous"));
        Assert.That(partner.Json!["data"]!["whoami"]!.GetValue<string>(), Is.EqualTo("app-Partner"));
        Assert.That(partner.CacheControl, Is.EqualTo("no-store, private"));
        Assert.That(partner.ETag, Is.Null);
        Assert.That(anonymousAgain.Json!["data"]!["whoami"]!.GetValue<string>(), Is.EqualTo("anonymous"));
    }

    [Test]
    public async Task A_rebuilt_schema_is_never_answered_from_the_old_schema_cache()
    {
        const string query = "{ article { displayText contentItemId } }";
        var before = await Http.GraphQLPostAsync(query);
        await RetitleInStoreAsync("article1", "Retitled before the definitions changed");

        Site.Services.GetRequiredService<TestSchemaSource>().Rebuild();
        var after = await Http.GraphQLPostAsync(query);

        Assert.That(before.Body, Does.Not.Contain("Retitled before the definitions changed"));
        Assert.That(after.Body, Does.Contain("Retitled before the definitions changed"));
    }

    [Test]
    public async Task The_change_stamp_moves_after_a_publish_commits_and_not_for_one_rolled_back()
    {
        var stamp = Site.Services.GetRequiredService<IContentChangeStamp>();
        var before = await stamp.GetAsync();

        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var transaction = scope.ServiceProvider.GetRequiredService<StoreTransaction>();
            Assert.ThrowsAsync<InvalidOperationException>(() => transaction.RunAsync(async () =>
            {
                var item = await manager.NewAsync("Article");
                item.GetOrCreatePart("TitlePart")["Title"] = "Never published";
                await manager.CreateAsync(item, publish: true);
                throw new InvalidOperationException("the rest of the write failed");
            }));
        }
        var afterRollback = await stamp.GetAsync();
        await PublishNewArticleAsync("Published for good");

        Assert.That(afterRollback, Is.EqualTo(before));
        Assert.That(await stamp.GetAsync(), Is.GreaterThan(before));
    }

    [Test]
    public async Task A_publish_by_another_process_on_the_same_store_empties_the_cache_within_the_poll_interval()
    {
        var before = await Http.GraphQLPostAsync(Articles);
        await Store.WithStoreAsync(async services =>
        {
            var manager = services.GetRequiredService<ContentManager>();
            var item = await manager.NewAsync("Article");
            item.GetOrCreatePart("TitlePart")["Title"] = "Published by another node";
            await manager.CreateAsync(item, publish: true);
            return item.ContentItemId;
        });

        await Task.Delay(StoreVersions.PollInterval + TimeSpan.FromMilliseconds(200));
        var after = await Http.GraphQLPostAsync(Articles);

        Assert.That(before.Body, Does.Not.Contain("Published by another node"));
        Assert.That(after.Body, Does.Contain("Published by another node"));
    }

    private async Task RetitleInStoreAsync(string contentItemId, string title)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ContentItems
            .Where(r => r.ContentItemId == contentItemId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DisplayText, title));
    }

    private async Task<string> PublishNewArticleAsync(string title)
    {
        var id = "";
        await WithContentManagerAsync(async manager =>
        {
            var item = await manager.NewAsync("Article");
            item.GetOrCreatePart("TitlePart")["Title"] = title;
            await manager.CreateAsync(item, publish: true);
            id = item.ContentItemId;
        });
        return id;
    }

    private async Task WithContentManagerAsync(Func<ContentManager, Task> work)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }
}
