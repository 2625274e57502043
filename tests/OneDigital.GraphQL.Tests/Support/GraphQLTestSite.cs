using System.Security.Claims;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneDigital.Content.Items;
using OneDigital.GraphQL.Limits;
using OneDigital.Testing;

namespace OneDigital.GraphQL.Tests.Support;

/// <summary>A test store with the GraphQL services, and a way to run a query as a given caller.</summary>
public sealed class GraphQLTestSite : IAsyncDisposable
{
    private static readonly GraphQLSerializer Serializer = new();

    private GraphQLTestSite(TestStore store) => Store = store;

    public TestStore Store { get; }

    public static async Task<GraphQLTestSite> CreateAsync(
        Action<IServiceCollection>? configureServices = null, TestDatabase database = TestDatabase.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var store = await TestStore.CreateAsync(database, settings, services =>
        {
            services.AddOneDigitalGraphQL();
            configureServices?.Invoke(services);
        });
        return new GraphQLTestSite(store);
    }

    /// <summary>A site set up by the One Digital recipe.</summary>
    public static async Task<GraphQLTestSite> OneDigitalAsync(Action<IServiceCollection>? configureServices = null, TestDatabase database = TestDatabase.Sqlite)
    {
        var site = await CreateAsync(configureServices, database);
        await site.Store.ImportFileAsync(Path.Combine(RecipeRunner.RepositoryRoot(), "recipes", "onedigital.recipe.json"));
        return site;
    }

    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    public static ClaimsPrincipal Administrator => User("admin-user-id", "Administrator");

    public static ClaimsPrincipal User(string id, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "Test"));

    /// <summary>
    /// Runs a query under the endpoint's validation (the cost limits first, then GraphQL's rules and the per-node
    /// limits; the defaults unless <paramref name="limits"/> is given) and returns the response as JSON (data, errors),
    /// as the endpoint would write it.
    /// </summary>
    public async Task<JsonObject> ExecuteAsync(
        string query, ClaimsPrincipal? user = null, JsonObject? variables = null, GraphQLLimits? limits = null, string? previewToken = null)
    {
        await using var scope = Store.Scope();
        var schema = await Store.Services.GetRequiredService<IGraphQLSchemaSource>().GetSchemaAsync();
        var graphQLOptions = Store.Services.GetRequiredService<IOptions<GraphQLOptions>>().Value;
        limits ??= new GraphQLLimits();
        var options = new ExecutionOptions
        {
            Schema = schema,
            Query = query,
            Variables = variables is null ? null : Serializer.Deserialize<Inputs>(variables.ToJsonString()),
            ValidationRules = LimitRules.Create(graphQLOptions, limits, isDevelopment: false, NullLogger.Instance),
            ThrowOnUnhandledException = true,
        };
        var context = ContentGraphQL.ConfigureExecution(options, scope.ServiceProvider, user ?? Anonymous);
        // As the endpoint does with the X-Preview-Token header or previewToken parameter.
        if (previewToken is not null)
        {
            context.PreviewContentItemId = await scope.ServiceProvider.GetRequiredService<OneDigital.Content.Preview.PreviewTokens>().ValidateAsync(previewToken);
        }
        var result = await LimitRules.CreateExecuter(graphQLOptions, limits).ExecuteAsync(options);
        return JsonNode.Parse(Serializer.Serialize(result))!.AsObject();
    }

    /// <summary>Runs a query that must succeed and returns its data.</summary>
    public async Task<JsonObject> DataAsync(string query, ClaimsPrincipal? user = null, JsonObject? variables = null, string? previewToken = null)
    {
        var response = await ExecuteAsync(query, user, variables, previewToken: previewToken);
        Assert.That(response["errors"], Is.Null, () => response.ToJsonString());
        return response["data"]!.AsObject();
    }

    public async Task<ContentItem> CreateAsync(string type, Action<ContentItem> fill, bool publish = true, string? owner = null)
    {
        await using var scope = Store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync(type);
        item.Owner = owner;
        fill(item);
        await manager.CreateAsync(item, publish);
        return item;
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
