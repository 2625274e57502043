using System.Security.Claims;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.GraphQL;
using OneDigital.Search.Queries;
using OneDigital.Testing;

namespace OneDigital.Search.Tests.Queries;

/// <summary>Orchard's blog recipes end to end: imported, indexed by the index side, and queried by name.</summary>
public sealed class OrchardBlogQueryTests
{
    [Test]
    public async Task Recent_blog_posts_come_back_newest_first_from_the_stored_lucene_query()
    {
        await using var store = await BlogStoreAsync();

        await using var scope = store.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<StoredQueries>().RunAsync("RecentBlogPosts", null);
        var posts = result.ContentItems!;
        Assert.That(posts, Is.Not.Empty);
        Assert.That(posts.Select(p => p.ContentType), Is.All.EqualTo("BlogPost"));
        Assert.That(posts.Select(p => p.CreatedUtc), Is.Ordered.Descending);
        Assert.That(result.Count, Is.GreaterThanOrEqualTo(posts.Count));
    }

    [Test]
    public async Task The_recent_blog_posts_query_answers_as_a_graphql_root_field_newest_first()
    {
        await using var store = await BlogStoreAsync();
        List<string> expected;
        await using (var scope = store.Scope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StoredQueries>().RunAsync("RecentBlogPosts", null);
            expected = [.. result.ContentItems!.Select(p => p.DisplayText!)];
        }

        // The recipe's template takes no parameters (its size is fixed), so an empty object changes nothing.
        foreach (var query in new[] { "{ RecentBlogPosts { displayText publishedUtc } }", "{ RecentBlogPosts(parameters: \"{}\") { displayText publishedUtc } }" })
        {
            var data = await DataAsync(store, query);
            var posts = data["RecentBlogPosts"]!.AsArray();
            Assert.That(posts.Select(p => (string)p!["displayText"]!), Is.EqualTo(expected).And.Not.Empty, query);
            Assert.That(posts.Select(p => DateTime.Parse((string)p!["publishedUtc"]!, System.Globalization.CultureInfo.InvariantCulture)), Is.Ordered.Descending, query);
        }
    }

    [Test]
    public async Task Malformed_graphql_query_parameters_are_an_error_naming_the_argument()
    {
        await using var store = await BlogStoreAsync();

        var response = await ExecuteAsync(store, "{ RecentBlogPosts(parameters: \"{nope\") { displayText } }");

        Assert.That(response["errors"]?[0]?["message"]?.ToString(), Does.StartWith("parameters:"));
    }

    private static async Task<TestStore> BlogStoreAsync()
    {
        var blog = RecipeRunner.OrchardRecipe("blog.recipe.json");
        var search = RecipeRunner.OrchardRecipe("blog.lucene.search.recipe.json");
        var query = RecipeRunner.OrchardRecipe("blog.lucene.query.recipe.json");
        var store = await TestStore.CreateAsync(TestDatabase.Sqlite, configureServices: services =>
            services.AddOneDigitalSearch().AddSearchQueries().AddOneDigitalGraphQL());
        await store.ImportFileAsync(blog);
        await store.ImportFileAsync(search);
        await store.ImportFileAsync(query);
        return store;
    }

    private static async Task<JsonObject> ExecuteAsync(TestStore store, string query)
    {
        await using var scope = store.Scope();
        var options = new ExecutionOptions
        {
            Schema = await store.Services.GetRequiredService<IGraphQLSchemaSource>().GetSchemaAsync(),
            Query = query,
        };
        ContentGraphQL.ConfigureExecution(options, scope.ServiceProvider, new ClaimsPrincipal(new ClaimsIdentity()));
        var result = await new DocumentExecuter().ExecuteAsync(options);
        return JsonNode.Parse(new GraphQLSerializer().Serialize(result))!.AsObject();
    }

    private static async Task<JsonObject> DataAsync(TestStore store, string query)
    {
        var response = await ExecuteAsync(store, query);
        Assert.That(response["errors"], Is.Null, () => response.ToJsonString());
        return response["data"]!.AsObject();
    }
}
