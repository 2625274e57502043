using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.GraphQL.Caching;
using OneDigital.Web.Tests.GraphQL.Support;

namespace OneDigital.Web.Tests.GraphQL;

/// <summary>
/// A query text is parsed and validated once per schema: later requests reuse the document and run only the rules
/// that read variables. The response cache is off here, so every request executes.
/// </summary>
public sealed class GraphQLDocumentCacheTests() : GraphQLSiteFixture("--OneDigital:GraphQL:Cache:Enabled=false")
{
    private GraphQLDocumentCache Documents => Site.Services.GetRequiredService<GraphQLDocumentCache>();

    [Test]
    public async Task A_repeated_query_reuses_its_validated_document()
    {
        const string query = "{ article { contentItemId displayText } }";
        var first = await Http.GraphQLPostAsync(query);
        var kept = Documents.Count;
        var second = await Http.GraphQLPostAsync(query);

        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.ToString());
        Assert.That(second.Body, Is.EqualTo(first.Body));
        Assert.That(Documents.Count, Is.EqualTo(kept), "the second request added no document");
    }

    [Test]
    public async Task A_document_that_fails_validation_is_not_kept_and_fails_again()
    {
        var before = Documents.Count;
        var first = await Http.GraphQLPostAsync("{ article { noSuchField } }");
        var second = await Http.GraphQLPostAsync("{ article { noSuchField } }");

        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(second.ErrorMessages, Is.EqualTo(first.ErrorMessages));
        Assert.That(Documents.Count, Is.EqualTo(before));
    }

    [Test]
    public async Task A_cached_document_still_checks_each_requests_variables()
    {
        const string query = "query Articles($n: Int) { article(first: $n) { contentItemId } }";
        var valid = await Http.GraphQLPostAsync(query, new { n = 1 });
        var again = await Http.GraphQLPostAsync(query, new { n = 1 });
        var wrongType = await Http.GraphQLPostAsync(query, new { n = "many" });

        Assert.That(valid.Status, Is.EqualTo(HttpStatusCode.OK), valid.ToString());
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.OK), again.ToString());
        Assert.That(wrongType.Status, Is.EqualTo(HttpStatusCode.BadRequest), wrongType.ToString());
        Assert.That(wrongType.Body, Does.Contain("$n"));
    }
}
