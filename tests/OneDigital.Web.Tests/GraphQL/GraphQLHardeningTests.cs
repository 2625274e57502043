using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using OneDigital.Web.Tests.GraphQL.Support;

namespace OneDigital.Web.Tests.GraphQL;

/// <summary>
/// Issue 9 over HTTP: hostile documents answer a 400 naming what is wrong (never an empty 500), an execution stops at
/// its time budget or when the client goes away, and the GraphQL-over-HTTP media type is answered when asked for.
/// </summary>
public sealed class GraphQLHardeningTests() : GraphQLSiteFixture("--OneDigital:GraphQL:ExecutionTimeout=00:00:02")
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Test]
    public async Task A_query_nested_45_levels_answers_400_naming_MaxDepth()
    {
        var query = string.Concat(Enumerable.Repeat("{ nested ", 45)) + "{ value }" + new string('}', 45);

        var answer = await Http.GraphQLPostAsync(query);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Is.EqualTo("The query is nested 46 levels deep; the limit is 20 (OneDigital:GraphQL:MaxDepth)."));
    }

    [Test]
    public async Task A_document_nested_past_the_parsers_limit_answers_400_with_a_message()
    {
        var query = string.Concat(Enumerable.Repeat("{ nested ", 70)) + "{ value }" + new string('}', 70);

        var answer = await Http.GraphQLPostAsync(query);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Does.StartWith("The document is nested more than 128 syntax levels deep"));
    }

    [Test]
    public async Task A_syntax_error_at_the_end_of_a_60_KB_line_answers_400_naming_the_error()
    {
        // The parser pads an error's column one concatenation at a time: 45,000 columns took seconds before lines were
        // broken. How fast it answers now is the benchmarks' business; here, that it answers the parse error.
        var query = "{ " + string.Concat(Enumerable.Repeat("nested { value } ", 3500)) + " nested( ) }";

        var answer = await Http.GraphQLPostAsync(query);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Does.StartWith("Error parsing query: Expected Name, found )"));
    }

    [Test]
    public async Task A_string_too_long_to_break_answers_400_asking_for_a_variable()
    {
        var answer = await Http.GraphQLPostAsync("{ article(status: \"" + new string('x', 20_000) + "\") { contentItemId } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Is.EqualTo("The document has a name or a string longer than 10000 characters; pass long values as variables."));
    }

    [Test]
    public async Task A_long_line_with_strings_and_comments_still_answers_the_same()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("a: whoami, ", 1)) + string.Concat(Enumerable.Repeat("whoami ", 400)) + "article(status: PUBLISHED) { displayText } } # \"not a string";

        var answer = await Http.GraphQLPostAsync(query);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.Json!["data"]!["a"]!.GetValue<string>(), Is.EqualTo("anonymous"));
    }

    [Test]
    public async Task Introspection_nested_20_levels_answers_400_naming_the_limit()
    {
        var query = "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ", 9)) + "name" + new string('}', 18) + " } } }";

        var answer = await Http.GraphQLGetAsync(query);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Does.EndWith("(OneDigital:GraphQL:MaxIntrospectionLists)."));
    }

    [Test]
    public async Task Fragments_doubling_over_29_levels_answer_400_before_executing()
    {
        var query = new StringBuilder("{ nested { ...F29 } }\nfragment F0 on Nested { value }\n");
        for (var i = 1; i <= 29; i++)
        {
            query.Append($"fragment F{i} on Nested {{ ...F{i - 1} ...F{i - 1} }}\n");
        }

        var answer = await Http.GraphQLPostAsync(query.ToString());

        // 400 and no data: refused by validation, before any resolver ran.
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages, Has.Some.EndWith("(OneDigital:GraphQL:MaxFields)."));
        Assert.That(answer.Json!.ContainsKey("data"), Is.False, answer.ToString());
    }

    [Test]
    public async Task An_execution_past_its_time_budget_answers_400_naming_the_limit()
    {
        var stopwatch = Stopwatch.StartNew();

        var answer = await Http.GraphQLPostAsync("{ slow }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ErrorMessages.Single(), Is.EqualTo("The query ran longer than 2 s and was stopped; the limit is 00:00:02 (OneDigital:GraphQL:ExecutionTimeout)."));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task A_client_that_goes_away_cancels_its_execution()
    {
        TestSchemaSource.SlowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestSchemaSource.SlowCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var gone = new CancellationTokenSource();
        var body = new StringContent(JsonSerializer.Serialize(new { query = "{ slow }" }), Encoding.UTF8, "application/json");
        var sending = Http.PostAsync(GraphQLHttp.Path, body, gone.Token);
        await TestSchemaSource.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var stopwatch = Stopwatch.StartNew();
        await gone.CancelAsync();
        await TestSchemaSource.SlowCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The budget is 2 s from the start: a cancellation well before it came from the client going away.
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(1500)));
        Assert.That(async () => await sending, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Asking_for_the_GraphQL_response_media_type_gets_it_with_200_for_an_executed_request_with_errors()
    {
        var answer = await SendAsync("{ boom }", GraphQLResponse);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.ContentHeaders.ContentType?.MediaType, Is.EqualTo(GraphQLResponse));
        Assert.That(answer.ErrorMessages.Single(), Does.Contain("boom"));
        Assert.That(answer.Json!.ContainsKey("data"), Is.True);
    }

    [TestCase("{ article { contentItemId }", TestName = "a syntax error")]
    [TestCase("{ nope }", TestName = "a validation error")]
    public async Task Asking_for_the_GraphQL_response_media_type_gets_400_when_the_request_cannot_execute(string query)
    {
        var answer = await SendAsync(query, GraphQLResponse);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ContentHeaders.ContentType?.MediaType, Is.EqualTo(GraphQLResponse));
        Assert.That(answer.Json!.ContainsKey("data"), Is.False);
    }

    [Test]
    public async Task Asking_for_the_GraphQL_response_media_type_gets_it_for_a_successful_request()
    {
        var answer = await SendAsync("{ whoami }", $"{GraphQLResponse}, application/json;q=0.9");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.ContentHeaders.ContentType?.MediaType, Is.EqualTo(GraphQLResponse));
    }

    [TestCase("application/json")]
    [TestCase("application/json, application/graphql-response+json;q=0.5")]
    [TestCase("*/*")]
    public async Task Other_clients_keep_application_json_and_Orchards_status_codes(string accept)
    {
        var answer = await SendAsync("{ boom }", accept);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
        Assert.That(answer.ContentHeaders.ContentType?.MediaType, Is.EqualTo("application/json"));
    }

    private Task<GraphQLAnswer> SendAsync(string query, string accept)
    {
        var content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttp.Path) { Content = content };
        request.Headers.Accept.ParseAdd(accept);
        return SendAsync(request);
    }

    private async Task<GraphQLAnswer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return new GraphQLAnswer(response.StatusCode, response.Headers, response.Content.Headers, body);
        }
    }
}
