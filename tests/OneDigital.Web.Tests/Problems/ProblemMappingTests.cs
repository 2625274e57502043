// Why: every API answers the same kind of failure the same way because one mapping writes every answer; these pin what
// each kind becomes (status, title, detail, Retry-After, extensions) without starting a site.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Search.Indexes;
using OneDigital.Search.Queries;
using OneDigital.Web.Problems;

namespace OneDigital.Web.Tests.Problems;

public sealed class ProblemMappingTests
{
    private static async Task<(HttpResponse Response, JsonObject Body)> AnswerAsync(Exception exception)
    {
        var handler = new ProblemExceptionHandler(new StoreOptions(), new HostingEnvironment { EnvironmentName = Environments.Production },
            NullLogger<ProblemExceptionHandler>.Instance);
        var http = new DefaultHttpContext();
        http.Request.Path = "/api/somewhere";
        http.Response.Body = new MemoryStream();

        Assert.That(await handler.TryHandleAsync(http, exception, CancellationToken.None), Is.True);

        http.Response.Body.Position = 0;
        return (http.Response, (JsonObject)(await JsonNode.ParseAsync(http.Response.Body))!);
    }

    [Test]
    public async Task A_query_the_dsl_refuses_is_400_the_query_is_invalid_with_where_and_what()
    {
        var (response, body) = await AnswerAsync(new SearchQueryException("query.bool", "too many clauses"));

        Assert.That(response.StatusCode, Is.EqualTo(400));
        Assert.That(response.ContentType, Does.StartWith("application/problem+json"));
        Assert.That((string?)body["title"], Is.EqualTo("The query is invalid."));
        Assert.That((string?)body["detail"], Is.EqualTo("query.bool: too many clauses"));
        Assert.That((string?)body["instance"], Is.EqualTo("/api/somewhere"));
        Assert.That(body["traceId"], Is.Not.Null);
    }

    [Test]
    public async Task An_unknown_query_or_index_is_404_not_found_naming_it()
    {
        var (query, queryBody) = await AnswerAsync(new UnknownQueryException("Missing"));
        var (index, indexBody) = await AnswerAsync(new UnknownIndexException("Nowhere"));

        Assert.That((query.StatusCode, (string?)queryBody["title"]), Is.EqualTo((404, "Not found.")));
        Assert.That((string?)queryBody["detail"], Does.Contain("'Missing'"));
        Assert.That((index.StatusCode, (string?)indexBody["title"]), Is.EqualTo((404, "Not found.")));
        Assert.That((string?)indexBody["detail"], Does.Contain("'Nowhere'"));
    }

    [Test]
    public async Task An_index_that_cannot_be_searched_is_503_search_is_unavailable_with_when_to_retry()
    {
        var (response, body) = await AnswerAsync(new IndexUnavailableException("Search", "it is being rebuilt"));

        Assert.That(response.StatusCode, Is.EqualTo(503));
        Assert.That(response.Headers.RetryAfter.ToString(), Is.EqualTo("10"));
        Assert.That((string?)body["title"], Is.EqualTo("Search is unavailable."));
        Assert.That((string?)body["detail"], Does.Contain("'Search'").And.Contain("being rebuilt"));
    }

    [Test]
    public async Task A_busy_store_is_503_the_store_is_busy_with_when_to_retry()
    {
        var (response, body) = await AnswerAsync(new StoreBusyException("The store is busy: another writer.", TimeSpan.FromSeconds(2.5)));

        Assert.That(response.StatusCode, Is.EqualTo(503));
        Assert.That(response.Headers.RetryAfter.ToString(), Is.EqualTo("3"));
        Assert.That((string?)body["title"], Is.EqualTo("The store is busy."));
    }

    [Test]
    public async Task Content_that_fails_validation_is_400_with_each_message_and_the_messages_per_part_and_field()
    {
        var (response, body) = await AnswerAsync(new ContentValidationException("Article",
            [new("Article", "Summary", "A value is required."), new("TitlePart", null, "A title is required.")]));

        Assert.That(response.StatusCode, Is.EqualTo(400));
        Assert.That((string?)body["title"], Is.EqualTo("One or more validation errors occurred."));
        Assert.That((string?)body["detail"], Is.EqualTo("A value is required.,A title is required."));
        Assert.That(body["errors"]?.ToJsonString(), Is.EqualTo("""{"Article.Summary":["A value is required."],"TitlePart":["A title is required."]}"""));
    }

    [Test]
    public async Task A_request_an_endpoint_cannot_carry_out_as_sent_is_400_with_the_endpoints_title()
    {
        var (response, body) = await AnswerAsync(new ApiRequestException("The content type is not known.", "A new content item needs a ContentType."));

        Assert.That(response.StatusCode, Is.EqualTo(400));
        Assert.That((string?)body["title"], Is.EqualTo("The content type is not known."));
        Assert.That((string?)body["detail"], Is.EqualTo("A new content item needs a ContentType."));
    }

    [Test]
    public async Task Anything_else_is_500_without_its_message_outside_development()
    {
        var (response, body) = await AnswerAsync(new ArgumentException("internal detail: /srv/secret"));

        Assert.That(response.StatusCode, Is.EqualTo(500));
        Assert.That((string?)body["title"], Is.EqualTo("An unexpected error occurred."));
        Assert.That(body.ToJsonString(), Does.Not.Contain("secret"));
    }
}
