using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Queries;
using OneDigital.GraphQL.Tests.Support;

namespace OneDigital.GraphQL.Tests.Queries;

/// <summary>Stored queries with a schema as root fields, from a stand-in query source (the Lucene one is tested in search).</summary>
public sealed class QueryRootFieldTests
{
    private sealed class FakeQueries : IQueryFieldSource
    {
        public string DocumentName => "Queries";

        public Task<IReadOnlyList<QueryFieldDefinition>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<QueryFieldDefinition>>(
        [
            new("TitlesByAuthor", """{ "type": "object", "fieldTypeName": "Titles", "properties": { "Content.ContentItem.DisplayText": { "type": "string" }, "Rank": { "type": "integer" } } }""", false),
            new("Broken", "{ not json", false),
            new("contentItem", """{ "type": "ContentItem/Article" }""", true),
        ]);

        public Task<QueryFieldResults> RunAsync(string queryName, JsonObject? parameters, CancellationToken ct = default) =>
            Task.FromResult(new QueryFieldResults([],
            [
                new JsonObject { ["Content.ContentItem.DisplayText"] = "First", ["Rank"] = 1 },
                new JsonObject { ["Content.ContentItem.DisplayText"] = (string?)parameters?["second"] ?? "Second", ["Rank"] = 2 },
            ]));
    }

    [Test]
    public async Task A_query_returning_documents_is_an_object_list_with_a_field_per_schema_property()
    {
        await using var site = await GraphQLTestSite.CreateAsync(s => s.AddScoped<IQueryFieldSource, FakeQueries>());

        var data = await site.DataAsync("""{ Titles(parameters: "{\"second\": \"Other\"}") { Content_ContentItem_DisplayText Rank } }""");

        Assert.That(data["Titles"]!.ToJsonString(),
            Is.EqualTo("""[{"Content_ContentItem_DisplayText":"First","Rank":1},{"Content_ContentItem_DisplayText":"Other","Rank":2}]"""));
    }

    [Test]
    public async Task Queries_with_an_invalid_schema_or_a_taken_name_are_left_out_and_the_rest_of_the_schema_stands()
    {
        await using var site = await GraphQLTestSite.CreateAsync(s => s.AddScoped<IQueryFieldSource, FakeQueries>());

        var data = await site.DataAsync("""{ __schema { queryType { fields { name type { name } } } } }""");
        var fields = data["__schema"]!["queryType"]!["fields"]!.AsArray();

        Assert.That(fields.Select(f => (string)f!["name"]!), Does.Not.Contain("Broken").And.Contain("Titles"));
        Assert.That(fields.Single(f => (string)f!["name"]! == "contentItem")!["type"]!["name"]!.ToString(), Is.EqualTo("ContentItem"));
    }

    [Test]
    public async Task Malformed_parameters_are_an_error_naming_the_argument()
    {
        await using var site = await GraphQLTestSite.CreateAsync(s => s.AddScoped<IQueryFieldSource, FakeQueries>());

        var response = await site.ExecuteAsync("""{ Titles(parameters: "[1]") { Rank } Again: Titles(parameters: "[1") { Rank } }""");

        var errors = response["errors"]!.AsArray().Select(e => (string)e!["message"]!).ToList();
        Assert.That(errors, Has.Count.EqualTo(2).And.All.StartWith("parameters: not a JSON object"));
    }
}
