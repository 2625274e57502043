// Why: a partner site sends the preview token in a header (or a link carries it in the query string); the endpoint
// must honour both, and a draft read with a token must never reach the shared response cache.
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Preview;
using OneDigital.Web.Tests.GraphQL.Support;
using OneDigital.Web.Tests.Support;

namespace OneDigital.Web.Tests.GraphQL;

public sealed class PreviewTokenEndpointTests
{
    private const string Drafts = "{ blogPost(status: DRAFT) { displayText } }";

    private TestSite _store = null!;
    private RunningSite _site = null!;
    private string _draftId = "";

    private HttpClient Http => _site.Http;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        _site = await _store.StartAsync(TestApiAuthentication.Register);
        await _site.SetupCompletion;
        await using var scope = _site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync("BlogPost");
        item.GetOrCreatePart("TitlePart")["Title"] = "Draft for the partner preview";
        await manager.CreateAsync(item, publish: false);
        _draftId = item.ContentItemId;
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    private async Task<string> IssueAsync()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PreviewTokens>().IssueAsync(_draftId, "editor")).Token;
    }

    private async Task<GraphQLAnswer> PostWithHeaderAsync(string query, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttp.Path)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Preview-Token", token);
        using var response = await Http.SendAsync(request);
        return new GraphQLAnswer(response.StatusCode, response.Headers, response.Content.Headers, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_token_in_the_X_Preview_Token_header_reads_the_draft_in_an_answer_no_cache_keeps()
    {
        var answer = await PostWithHeaderAsync(Drafts, await IssueAsync());

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Body, Does.Contain("Draft for the partner preview"));
        Assert.That(answer.CacheControl, Is.EqualTo("no-store"));
        Assert.That(answer.ETag, Is.Null);
    }

    [Test]
    public async Task A_token_in_the_previewToken_parameter_of_a_link_reads_the_draft()
    {
        var token = await IssueAsync();

        var answer = await Http.SendRawAsync(HttpMethod.Get,
            $"{GraphQLHttp.Path}?query={Uri.EscapeDataString(Drafts)}&previewToken={Uri.EscapeDataString(token)}", null);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Body, Does.Contain("Draft for the partner preview"));
    }

    [Test]
    public async Task A_published_read_with_a_token_is_neither_served_from_nor_kept_in_the_shared_cache()
    {
        const string published = "{ blogPost { displayText } }";
        var shared = await Http.GraphQLPostAsync(published);

        var withToken = await PostWithHeaderAsync(published, await IssueAsync());

        Assert.That(shared.ETag, Is.Not.Null, shared.ToString());
        Assert.That(withToken.ETag, Is.Null, withToken.ToString());
        Assert.That(withToken.CacheControl, Is.EqualTo("no-store"));
    }

    [Test]
    public async Task An_unknown_token_reads_no_draft()
    {
        var answer = await PostWithHeaderAsync(Drafts, "not-a-token");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Body, Does.Not.Contain("Draft for the partner preview"));
    }
}
