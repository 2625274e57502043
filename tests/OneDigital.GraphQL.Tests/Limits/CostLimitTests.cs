using System.Text;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Logging.Abstractions;
using OneDigital.GraphQL.Limits;
using OneDigital.GraphQL.Tests.Support;
using OneDigital.Testing;

namespace OneDigital.GraphQL.Tests.Limits;

/// <summary>
/// The cost limits with their defaults: the attacks of issue 9 (fragments that double, one field repeated thousands of
/// times, introspection nested deep) are refused before anything is resolved, or merged into one field, and the
/// standard introspection queries pass. No test measures time (the benchmarks do); a refusal is shown by the answer
/// having no data at all, which GraphQL gives only when execution never started.
/// </summary>
public sealed class CostLimitTests
{

    private GraphQLTestSite _site = null!;

    [OneTimeSetUp]
    public async Task CreateSite() => _site = await GraphQLTestSite.OneDigitalAsync();

    [OneTimeTearDown]
    public async Task DisposeSite()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    /// <summary>fragment F1 on BlogPost { ...F0 ...F0 } ... up to F29: 1.5 KB that would resolve 2^29 fields.</summary>
    public static string DoublingFragments(int levels, string type = "BlogPost", string root = "blogPost", string leaf = "displayText", bool inline = false)
    {
        var text = new StringBuilder($"{{ {root} {{ ...F{levels} }} }}\nfragment F0 on {type} {{ {leaf} }}\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append(inline
                ? $"fragment F{i} on {type} {{ ...F{i - 1} ... on {type} {{ ...F{i - 1} }} }}\n"
                : $"fragment F{i} on {type} {{ ...F{i - 1} ...F{i - 1} }}\n");
        }
        return text.ToString();
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Fragments_doubling_over_29_levels_are_refused_before_resolving_naming_MaxFields(bool inline)
    {
        var response = await _site.ExecuteAsync(DoublingFragments(29, inline: inline));

        Assert.That(Messages(response), Does.Contain(
            "The query would resolve 536,870,913 fields once its fragments are expanded; the limit is 1000 (OneDigital:GraphQL:MaxFields)."));
        AssertNothingResolved(response);
    }

    /// <summary>fragment D1 on Nested { nested { ...D0 } many { ...D0 } } ... up to D40: 2^41 fields, 42 levels.</summary>
    private static string DoublingDepth(int levels)
    {
        var query = new StringBuilder($"{{ nested {{ ...D{levels} }} }}\nfragment D0 on Nested {{ value }}\n");
        for (var i = 1; i <= levels; i++)
        {
            query.Append($"fragment D{i} on Nested {{ nested {{ ...D{i - 1} }} many {{ ...D{i - 1} }} }}\n");
        }
        return query.ToString();
    }

    [Test]
    public async Task Depth_through_doubling_fragments_is_measured_once_per_fragment_and_refused_before_resolving()
    {
        var schema = new NestingSchema();
        var result = await ExecuteAsync(schema, DoublingDepth(40), new GraphQLOptions(), new GraphQLLimits { MaxFields = 0 });

        Assert.That(result.Errors!.Select(e => e.Message), Is.EqualTo(new[] { "The query is nested 42 levels deep; the limit is 20 (OneDigital:GraphQL:MaxDepth)." }));
        Assert.That(result.Executed, Is.False, "refused by validation, before any resolver ran");
    }

    [Test]
    public async Task Complexity_through_doubling_fragments_is_measured_once_per_fragment_and_refused_before_resolving()
    {
        var schema = new NestingSchema();
        schema.Initialize();
        var result = await ExecuteAsync(schema, DoublingDepth(40), new GraphQLOptions { MaxDepth = 0, MaxComplexity = 1000 }, new GraphQLLimits { MaxFields = 0 });

        Assert.That(result.Errors!.Select(e => e.Message), Is.EqualTo(new[] { "The query's complexity is beyond counting; the limit is 1000 (OneDigital:GraphQL:MaxComplexity)." }));
        Assert.That(result.Executed, Is.False, "refused by validation, before any resolver ran");
    }

    [Test]
    public async Task Complexity_counts_list_sizes_as_Orchard_does()
    {
        var result = await ExecuteAsync(new NestingSchema(), "{ nested { many(first: 50) { many(first: 50) { value } } } }",
            new GraphQLOptions { MaxComplexity = 300 }, new GraphQLLimits());

        Assert.That(result.Errors!.Single().Message, Is.EqualTo("The query's complexity is 2552; the limit is 300 (OneDigital:GraphQL:MaxComplexity)."));
    }

    [Test]
    public async Task One_field_repeated_3000_times_is_merged_and_answered_at_once()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("blogPost { displayText } ", 3000)) + "}";

        var response = await _site.ExecuteAsync(query);

        Assert.That(response["errors"], Is.Null, () => response.ToJsonString());
        Assert.That(response["data"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "blogPost" }), "merged into one field, resolved once");
    }

    [Test]
    public async Task A_leaf_repeated_3000_times_is_merged_too()
    {
        var query = "{ blogPost { " + string.Concat(Enumerable.Repeat("displayText ", 3000)) + "} }";

        var response = await _site.ExecuteAsync(query);

        Assert.That(response["errors"], Is.Null, () => response.ToJsonString());
        Assert.That(response["data"]!["blogPost"]!.AsArray().Select(p => p!.AsObject().Count), Is.All.EqualTo(1), "merged into one field");
    }

    [Test]
    public async Task Repeats_that_differ_cannot_be_merged_and_are_refused_before_resolving_naming_MaxFieldRepeats()
    {
        var query = "{ " + string.Concat(Enumerable.Range(1, 499).Select(i => $"blogPost(first: {i}) {{ displayText }} ")) + "}";

        var response = await _site.ExecuteAsync(query);

        Assert.That(Messages(response), Is.EqualTo(new[]
        {
            "A selection asks for one field 499 times in different ways (arguments, sub-selections); the limit is 20 (OneDigital:GraphQL:MaxFieldRepeats).",
        }));
        AssertNothingResolved(response);
    }

    [Test]
    public async Task Repeats_through_fragments_count_too()
    {
        var query = "{ " + string.Concat(Enumerable.Range(1, 30).Select(i => $"...R{i} ")) + "}\n"
            + string.Concat(Enumerable.Range(1, 30).Select(i => $"fragment R{i} on Query {{ blogPost(first: {i}) {{ displayText }} }}\n"));

        var response = await _site.ExecuteAsync(query);

        Assert.That(Messages(response).Single(), Does.StartWith("A selection asks for one field 30 times").And.EndWith("(OneDigital:GraphQL:MaxFieldRepeats)."));
    }

    [Test]
    public async Task Repeats_in_a_fragment_no_operation_uses_count_too()
    {
        var query = "{ blogPost { displayText } }\nfragment Unused on Query { "
            + string.Concat(Enumerable.Range(1, 499).Select(i => $"blogPost(first: {i}) {{ displayText }} ")) + "}";

        var response = await _site.ExecuteAsync(query);

        Assert.That(Messages(response).Single(), Does.StartWith("A selection asks for one field 499 times").And.EndWith("(OneDigital:GraphQL:MaxFieldRepeats)."));
        AssertNothingResolved(response);
    }

    [Test]
    public async Task Different_repeats_up_to_MaxFieldRepeats_are_refused_by_GraphQLs_own_rule_before_resolving()
    {
        // Different arguments under one response name conflict: GraphQL's own rule reports them, pair by pair.
        var query = "{ " + string.Concat(Enumerable.Range(1, 20).Select(i => $"blogPost(first: {i}) {{ displayText }} ")) + "}";

        var response = await _site.ExecuteAsync(query);

        Assert.That(Messages(response), Is.Not.Empty.And.All.Contains("conflict"));
        AssertNothingResolved(response);
    }

    [Test]
    public async Task More_fields_than_MaxFields_are_refused_naming_the_limit()
    {
        var query = "{ " + string.Concat(Enumerable.Range(1, 30).Select(i => $"a{i}: blogPost {{ " + string.Concat(Enumerable.Range(1, 40).Select(j => $"f{j}: displayText ")) + "} ")) + "}";

        var response = await _site.ExecuteAsync(query);

        Assert.That(Messages(response), Does.Contain("The query would resolve 1,230 fields once its fragments are expanded; the limit is 1000 (OneDigital:GraphQL:MaxFields)."));
    }

    [Test]
    public async Task Introspection_nesting_lists_20_levels_deep_is_refused_naming_MaxIntrospectionLists()
    {
        var query = "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ", 9)) + "name" + new string('}', 9 * 2) + " } } }";

        var response = await _site.ExecuteAsync(query);

        Assert.That(Messages(response), Is.EqualTo(new[]
        {
            "The introspection query nests 10 lists (types, fields, args...); the limit is 3 (OneDigital:GraphQL:MaxIntrospectionLists).",
        }));
        AssertNothingResolved(response);
    }

    /// <summary>graphql-js's getIntrospectionQuery(), as GraphiQL sends it (the full variant needs schema features the content schema does not enable; Web.Tests runs it).</summary>
    [Test]
    public async Task The_standard_introspection_query_passes_the_default_limits()
    {
        var query = await File.ReadAllTextAsync(Path.Combine(RecipeRunner.RepositoryRoot(), "tests", "OneDigital.Web.Tests", "GraphQL", "Queries", "introspection.graphql"));

        var response = await _site.ExecuteAsync(query);

        Assert.That(response["errors"], Is.Null, () => response.ToJsonString()[..Math.Min(2000, response.ToJsonString().Length)]);
        Assert.That(response["data"]!["__schema"]!["types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()), Does.Contain("BlogPost"));
    }

    [Test]
    public async Task A_where_nested_32_levels_is_refused_naming_MaxFilterDepth()
    {
        var where = string.Concat(Enumerable.Repeat("{ OR: [", 32)) + "{ displayText: \"x\" }" + string.Concat(Enumerable.Repeat("] }", 32));

        var response = await _site.ExecuteAsync($"{{ blogPost(where: {where}) {{ displayText }} }}");

        Assert.That(Messages(response).Single(), Is.EqualTo("The where argument nests inputs more than 10 deep; the limit is 10 (OneDigital:GraphQL:MaxFilterDepth)."));
    }

    [Test]
    public async Task A_2000_term_OR_is_refused_naming_MaxFilterTerms_before_it_reaches_the_store()
    {
        var terms = string.Join(", ", Enumerable.Range(1, 2000).Select(i => $"{{ displayText: \"title {i}\" }}"));

        var response = await _site.ExecuteAsync($"{{ blogPostConnection(where: {{ OR: [{terms}] }}) {{ totalCount }} }}");

        Assert.That(Messages(response).Single(), Is.EqualTo("The where argument has more than 100 conditions; the limit is 100 (OneDigital:GraphQL:MaxFilterTerms)."));
        Assert.That(response.ToJsonString(), Does.Not.Contain("SQLITE"));
    }

    [Test]
    public async Task A_where_at_the_limits_reaches_the_store_and_answers()
    {
        var terms = string.Join(", ", Enumerable.Range(1, 100).Select(i => $"{{ displayText: \"title {i}\" }}"));

        var data = await _site.DataAsync($"{{ blogPostConnection(where: {{ OR: [{terms}] }}) {{ totalCount }} }}");

        Assert.That(data["blogPostConnection"]!["totalCount"]!.GetValue<int>(), Is.Zero);
    }

    /// <summary>GraphQL answers without a data entry only when the document was refused before execution began.</summary>
    private static void AssertNothingResolved(JsonObject response) =>
        Assert.That(response.ContainsKey("data"), Is.False, () => response.ToJsonString()[..Math.Min(500, response.ToJsonString().Length)]);

    private static string[] Messages(JsonObject response) =>
        response["errors"] is JsonArray errors ? [.. errors.Select(e => e!["message"]!.GetValue<string>())] : [];

    private static Task<ExecutionResult> ExecuteAsync(ISchema schema, string query, GraphQLOptions options, GraphQLLimits limits) =>
        LimitRules.CreateExecuter(options, limits).ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = query,
            ValidationRules = LimitRules.Create(options, limits, isDevelopment: false, NullLogger.Instance),
        });
}
