using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneDigital.Content.Changes;
using OneDigital.Content.Store;
using OneDigital.GraphQL.Caching;
using OneDigital.GraphQL.Limits;

namespace OneDigital.GraphQL.Endpoint;

public static class GraphQLEndpointServices
{
    public const string Path = "/api/graphql";

    /// <summary>The content schema and the endpoint's services: limits, response cache, content change stamp, serializer and executer.</summary>
    public static IServiceCollection AddGraphQLEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOneDigitalGraphQL();
        services.AddSingleton(GraphQLLimits.Read(configuration));
        services.AddSingleton(GraphQLCacheOptions.Read(configuration));
        services.AddSingleton<GraphQLResponseCache>();
        services.AddContentChangeStamp();
        services.TryAddSingleton(sp => LimitRules.CreateExecuter(sp.GetRequiredService<IOptions<GraphQLOptions>>().Value, sp.GetRequiredService<GraphQLLimits>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphQLOptions>>().Value;
            var limits = sp.GetRequiredService<GraphQLLimits>();
            var isDevelopment = sp.GetRequiredService<IHostEnvironment>().IsDevelopment();
            var expose = options.ExposeExceptions ?? isDevelopment;
            return new GraphQLEndpointHandler(
                sp.GetRequiredService<IDocumentExecuter>(),
                new GraphQLSerializer(new ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = expose })),
                limits,
                LimitRules.Create(options, limits, isDevelopment, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LimitRules).FullName!)),
                sp.GetRequiredService<GraphQLCacheOptions>(),
                sp.GetRequiredService<GraphQLResponseCache>(),
                sp.GetRequiredService<IContentChangeStamp>(),
                sp.GetRequiredService<StoreOptions>());
        });
        return services;
    }

    /// <summary>Maps GET and POST <c>/api/graphql</c>.</summary>
    public static IEndpointConventionBuilder MapOneDigitalGraphQL(this IEndpointRouteBuilder endpoints)
    {
        var handler = endpoints.ServiceProvider.GetRequiredService<GraphQLEndpointHandler>();
        return endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], handler.HandleAsync);
    }
}
