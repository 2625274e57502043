using System.Net;
using System.Text;
using OneDigital.Web.Tests.GraphQL.Support;

namespace OneDigital.Web.Tests.GraphQL;

/// <summary>Each limit refuses with a message naming its key and value; introspection passes under all of them.</summary>
public sealed class GraphQLLimitsTests() : GraphQLSiteFixture(
    "--OneDigital:GraphQL:MaxDepth=6",
    "--OneDigital:GraphQL:MaxAliases=3",
    "--OneDigital:GraphQL:MaxOperations=2",
    "--OneDigital:GraphQL:MaxComplexity=300",
    "--OneDigital:GraphQL:MaxNumberOfResultsValidationMode=Enabled",
    "--OneDigital:GraphQL:MaxRequestBytes=4000")
{
    /// <summary>
    /// graphql-js's getIntrospectionQuery(): as GraphiQL and code generators send it by default, and with the options
    /// GraphQL.NET 8 supports (isRepeatable, schema description; not specifiedByURL or deprecated directive arguments).
    /// </summary>
    [TestCase("introspection.graphql")]
    [TestCase("introspection-full.graphql")]
    public async Task The_standard_introspection_query_passes_under_every_limit(string file)
    {
        var answer = await Http.GraphQLPostAsync(QueryFile(file), operationName: "IntrospectionQuery");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Json!["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>(), Is.EqualTo("Query"));
        Assert.That(answer.Json["data"]!["__schema"]!["types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()), Does.Contain("Article"));
    }

    [Test]
    public async Task A_query_deeper_than_MaxDepth_is_refused_naming_the_limit()
    {
        var answer = await Http.GraphQLPostAsync("{ nested { nested { nested { nested { nested { nested { value } } } } } } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Is.EqualTo("The query is nested 7 levels deep; the limit is 6 (OneDigital:GraphQL:MaxDepth)."));
    }

    [Test]
    public async Task Depth_counts_through_fragments()
    {
        var answer = await Http.GraphQLPostAsync("{ nested { ...deep } } fragment deep on Nested { nested { nested { nested { nested { nested { value } } } } } }");

        Assert.That(answer.ErrorMessages.Single(), Does.StartWith("The query is nested 7 levels deep"));
    }

    [Test]
    public async Task A_query_at_MaxDepth_passes()
    {
        var answer = await Http.GraphQLPostAsync("{ nested { nested { nested { nested { nested { value } } } } } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
    }

    [Test]
    public async Task More_aliases_than_MaxAliases_are_refused_naming_the_limit()
    {
        var answer = await Http.GraphQLPostAsync("{ a: whoami b: whoami c: whoami d: whoami }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Is.EqualTo("The document has 4 aliased fields; the limit is 3 (OneDigital:GraphQL:MaxAliases)."));
    }

    [Test]
    public async Task More_operations_than_MaxOperations_are_refused_naming_the_limit()
    {
        var answer = await Http.GraphQLPostAsync("query A { whoami } query B { whoami } query C { whoami }", operationName: "A");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Is.EqualTo("The document has 3 operations; the limit is 2 (OneDigital:GraphQL:MaxOperations)."));
    }

    [Test]
    public async Task First_above_MaxNumberOfResults_is_refused_naming_the_limit()
    {
        var answer = await Http.GraphQLPostAsync("{ article(first: 5000) { contentItemId } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Is.EqualTo("'5000' exceeds the maximum number of results for 'first'; the limit is 1000 (OneDigital:GraphQL:MaxNumberOfResults)."));
    }

    [Test]
    public async Task First_above_MaxNumberOfResults_in_a_variable_is_refused_too()
    {
        var answer = await Http.GraphQLPostAsync("query Q($n: Int) { article(first: $n) { contentItemId } }", new { n = 1001 });

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Does.StartWith("'1001' exceeds the maximum number of results for 'first'"));
    }

    [Test]
    public async Task A_query_more_complex_than_MaxComplexity_is_refused_naming_the_limit()
    {
        var answer = await Http.GraphQLPostAsync("{ nested { many(first: 50) { many(first: 50) { value } } } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Does.StartWith("The query's complexity is ").And.EndWith("; the limit is 300 (OneDigital:GraphQL:MaxComplexity)."));
    }

    [Test]
    public async Task A_body_larger_than_MaxRequestBytes_answers_413_with_a_GraphQL_error()
    {
        var query = "{ whoami }" + new string(' ', 5000);
        var answer = await Http.GraphQLPostAsync(query);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Is.EqualTo("The request is larger than 4000 bytes, the limit set by OneDigital:GraphQL:MaxRequestBytes."));
    }

    [Test]
    public async Task A_graphql_body_larger_than_MaxRequestBytes_answers_413()
    {
        var answer = await Http.SendRawAsync(HttpMethod.Post, GraphQLHttp.Path,
            new StringContent("{ whoami }" + new string(' ', 5000), Encoding.UTF8, "application/graphql"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), answer.ToString());
    }

    [Test]
    public async Task A_query_string_longer_than_MaxRequestBytes_answers_413()
    {
        var answer = await Http.GraphQLGetAsync("{ whoami }" + new string(' ', 1500));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), answer.ToString());
    }
}
