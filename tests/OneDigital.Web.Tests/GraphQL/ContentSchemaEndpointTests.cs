using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Web.Tests.GraphQL.Support;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.GraphQL;

/// <summary>The endpoint serving the content schema of the One Digital setup recipe, as partner sites use it.</summary>
public sealed class ContentSchemaEndpointTests
{
    private const string Posts = "{ blogPost(orderBy: { publishedUtc: DESC }) { displayText autoroutePart { path } } }";

    private TestSite _store = null!;
    private RunningSite _site = null!;

    private HttpClient Http => _site.Http;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        _site = await _store.StartAsync(TestApiAuthentication.Register);
        await _site.SetupCompletion;
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Test]
    public async Task Anonymous_readers_get_published_content_with_an_ETag_and_a_publish_shows_in_the_next_answer()
    {
        var before = await Http.GraphQLPostAsync(Posts);
        var again = await Http.GraphQLPostAsync(Posts, ifNoneMatch: before.ETag);

        await PublishBlogPostAsync("Partners read this over GraphQL");
        var after = await Http.GraphQLPostAsync(Posts, ifNoneMatch: before.ETag);

        Assert.That(before.Status, Is.EqualTo(HttpStatusCode.OK), before.ToString());
        Assert.That(before.CacheControl, Is.EqualTo("public, max-age=60"));
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(after.Status, Is.EqualTo(HttpStatusCode.OK), after.ToString());
        Assert.That(after.Body, Does.Contain("Partners read this over GraphQL"));
        Assert.That(after.ETag, Is.Not.EqualTo(before.ETag));
    }

    [Test]
    public async Task Drafts_are_not_for_anonymous_readers_and_never_shared()
    {
        var answer = await Http.GraphQLPostAsync("{ blogPost(status: DRAFT) { displayText } }");

        Assert.That(answer.ETag, Is.Null, answer.ToString());
        Assert.That(answer.CacheControl, Is.EqualTo("no-store"));
        Assert.That(answer.Body, Does.Not.Contain("\"displayText\":\""));
    }

    [Test]
    public async Task An_administrator_application_reads_drafts_in_private_answers()
    {
        await CreateDraftBlogPostAsync("Draft for administrators");

        var answer = await Http.GraphQLPostAsync("{ blogPost(status: DRAFT) { displayText } }", authorization: TestApiAuthentication.Bearer("Administrator"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Body, Does.Contain("Draft for administrators"));
        Assert.That(answer.CacheControl, Is.EqualTo("no-store, private"));
        Assert.That(answer.ETag, Is.Null);
    }

    private Task PublishBlogPostAsync(string title) => SaveBlogPostAsync(title, publish: true);

    private Task CreateDraftBlogPostAsync(string title) => SaveBlogPostAsync(title, publish: false);

    private async Task SaveBlogPostAsync(string title, bool publish)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync("BlogPost");
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        await manager.CreateAsync(item, publish);
    }
}
