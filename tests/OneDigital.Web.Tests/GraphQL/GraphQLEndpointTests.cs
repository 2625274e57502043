using System.Net;
using System.Text;
using OneDigital.Web.Tests.GraphQL.Support;

namespace OneDigital.Web.Tests.GraphQL;

/// <summary>The HTTP shape of <c>/api/graphql</c>: request forms, status codes, error messages.</summary>
public sealed class GraphQLEndpointTests : GraphQLSiteFixture
{
    [Test]
    public async Task A_GET_query_string_query_answers_200_with_data_and_no_errors()
    {
        var answer = await Http.GraphQLGetAsync("{ article { contentItemId displayText } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Json!["data"]!["article"]!.ToJsonString(), Is.EqualTo("""[{"contentItemId":"article1","displayText":"Published article"}]"""));
        Assert.That(answer.Json.ContainsKey("errors"), Is.False);
        Assert.That(answer.ContentHeaders.ContentType?.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task A_GET_takes_variables_and_the_operation_name_from_the_query_string()
    {
        var answer = await Http.GraphQLGetAsync("query A($n: Int) { article(first: $n) { contentItemId } } query B { whoami }", """{"n":1}""", "A");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Json!["data"]!["article"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_JSON_POST_carries_query_variables_and_operation_name()
    {
        var answer = await Http.GraphQLPostAsync("query A { whoami } query B($s: Status) { article(status: $s) { contentItemId } }",
            new { s = "LATEST" }, "B");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Json!["data"]!["article"]!.AsArray().Select(a => a!["contentItemId"]!.GetValue<string>()), Is.EqualTo(new[] { "article1", "article2" }));
    }

    [Test]
    public async Task An_application_graphql_POST_body_is_the_query()
    {
        var answer = await Http.SendRawAsync(HttpMethod.Post, GraphQLHttp.Path, new StringContent("{ whoami }", Encoding.UTF8, "application/graphql"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Json!["data"]!["whoami"]!.GetValue<string>(), Is.EqualTo("anonymous"));
    }

    [Test]
    public async Task A_POST_of_another_content_type_falls_back_to_the_query_string()
    {
        var answer = await Http.SendRawAsync(HttpMethod.Post, $"{GraphQLHttp.Path}?query={Uri.EscapeDataString("{ whoami }")}",
            new StringContent("ignored", Encoding.UTF8, "text/plain"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Json!["data"]!["whoami"]!.GetValue<string>(), Is.EqualTo("anonymous"));
    }

    [Test]
    public async Task A_syntax_error_answers_400_with_the_error_in_the_errors_array()
    {
        var answer = await Http.GraphQLPostAsync("{ article { contentItemId }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Does.StartWith("Error parsing query"));
    }

    [Test]
    public async Task An_unknown_field_answers_400_naming_it()
    {
        var answer = await Http.GraphQLPostAsync("{ nope }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Does.Contain("'nope'"));
    }

    [Test]
    public async Task A_GET_without_a_query_answers_400_naming_the_parameter()
    {
        var answer = await Http.SendRawAsync(HttpMethod.Get, GraphQLHttp.Path, null);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Is.EqualTo("The 'query' query string parameter is missing."));
    }

    [TestCase("{ \"query\": ", "The request body is not valid JSON")]
    [TestCase("[{ \"query\": \"{ whoami }\" }]", "The request body must be a JSON object")]
    [TestCase("{ \"variables\": {} }", "The request body has no 'query'.")]
    [TestCase("{ \"query\": \"{ whoami }\", \"variables\": \"{}\" }", "The request body's 'variables' must be a JSON object.")]
    public async Task A_malformed_JSON_body_answers_400_with_a_clear_message(string body, string message)
    {
        var answer = await Http.SendRawAsync(HttpMethod.Post, GraphQLHttp.Path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Does.StartWith(message));
    }

    [Test]
    public async Task Malformed_variables_in_the_query_string_answer_400_with_a_clear_message()
    {
        var answer = await Http.GraphQLGetAsync("{ whoami }", "{not json");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Does.StartWith("The 'variables' query string parameter is not a JSON object"));
    }

    [Test]
    public async Task A_failing_resolver_answers_400_without_exception_details_outside_Development()
    {
        var answer = await Http.GraphQLPostAsync("{ boom }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Does.Contain("boom"));
        Assert.That(answer.Body, Does.Not.Contain("secret").And.Not.Contain("InvalidOperationException").And.Not.Contain(" at "));
    }

    [Test]
    public async Task Outside_Development_the_Default_validation_mode_caps_first_instead_of_refusing_it()
    {
        var answer = await Http.GraphQLPostAsync("{ article(first: 5000) { contentItemId } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
    }

    [Test]
    public async Task Other_methods_are_not_allowed()
    {
        var answer = await Http.SendRawAsync(HttpMethod.Put, GraphQLHttp.Path, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task A_signed_in_application_is_the_caller_resolvers_see()
    {
        var answer = await Http.GraphQLPostAsync("{ whoami }", authorization: TestApiAuthentication.Bearer("Partner"));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Json!["data"]!["whoami"]!.GetValue<string>(), Is.EqualTo("app-Partner"));
    }
}
