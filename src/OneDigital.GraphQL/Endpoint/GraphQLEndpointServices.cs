using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneDigital.Content.Changes;
using OneDigital.Content.Configuration;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.GraphQL.Caching;
using OneDigital.GraphQL.Limits;

namespace OneDigital.GraphQL.Endpoint;

public static class GraphQLEndpointServices
{
    public const string Path = "/api/graphql";

    /// <summary>The content schema and the endpoint's services: limits, response cache, content change stamp, serializer and executer.</summary>
    public static IServiceCollection AddGraphQLEndpoint(this IServiceCollection services)
    {
        services.AddOneDigitalGraphQL();
        // The limits share Orchard's section with GraphQLOptions; 0 turns a limit off, so only negatives are refused.
        const string section = GraphQLOptions.Section;
        services.AddSettings<GraphQLLimits>(section)
            .NotNegative(section, nameof(GraphQLLimits.MaxAliases), o => o.MaxAliases)
            .NotNegative(section, nameof(GraphQLLimits.MaxOperations), o => o.MaxOperations)
            .NotNegative(section, nameof(GraphQLLimits.MaxRequestBytes), o => o.MaxRequestBytes)
            .NotNegative(section, nameof(GraphQLLimits.MaxFields), o => o.MaxFields)
            .NotNegative(section, nameof(GraphQLLimits.MaxFieldRepeats), o => o.MaxFieldRepeats)
            .NotNegative(section, nameof(GraphQLLimits.MaxIntrospectionLists), o => o.MaxIntrospectionLists);
        services.AddSettings<GraphQLCacheOptions>(GraphQLCacheOptions.Section)
            .NotNegative(GraphQLCacheOptions.Section, nameof(GraphQLCacheOptions.MaxAgeSeconds), o => o.MaxAgeSeconds)
            .AtLeast(GraphQLCacheOptions.Section, nameof(GraphQLCacheOptions.SizeLimitBytes), o => o.SizeLimitBytes, 1);
        // Read on every request: handed out as plain values, bound and checked once.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GraphQLLimits>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GraphQLCacheOptions>>().Value);
        services.AddSingleton<GraphQLResponseCache>();
        services.AddSingleton<GraphQLDocumentCache>();
        services.AddSingleton<PersistedQueries>();
        services.AddContentChangeStamp();
        services.TryAddSingleton(sp => LimitRules.CreateExecuter(
            sp.GetRequiredService<IOptions<GraphQLOptions>>().Value, sp.GetRequiredService<GraphQLLimits>(), sp.GetRequiredService<GraphQLDocumentCache>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphQLOptions>>().Value;
            var limits = sp.GetRequiredService<GraphQLLimits>();
            var isDevelopment = sp.GetRequiredService<IHostEnvironment>().IsDevelopment();
            var expose = options.ExposeExceptions ?? isDevelopment;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LimitRules).FullName!);
            return new GraphQLEndpointHandler(
                sp.GetRequiredService<IDocumentExecuter>(),
                new GraphQLSerializer(new ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = expose })),
                limits,
                LimitRules.Create(options, limits, isDevelopment, logger),
                LimitRules.CreateForCachedDocuments(options, isDevelopment, logger),
                sp.GetRequiredService<GraphQLCacheOptions>(),
                sp.GetRequiredService<GraphQLResponseCache>(),
                sp.GetRequiredService<GraphQLDocumentCache>(),
                sp.GetRequiredService<PersistedQueries>(),
                sp.GetRequiredService<IContentChangeStamp>(),
                sp.GetRequiredService<StoreOptions>(),
                sp.GetRequiredService<IGraphQLSchemaSource>(),
                sp.GetService<IAuthenticationSchemeProvider>());
        });
        return services;
    }

    /// <summary>
    /// Answers repeats of anonymous reads before what follows it (<see cref="GraphQLFrontCache"/>). Place it after
    /// whatever every answer must pass through (error handling, security headers, CORS, the setup gate) and before
    /// routing, authentication and the endpoint.
    /// </summary>
    public static IApplicationBuilder UseGraphQLFrontCache(this IApplicationBuilder app) => app.UseMiddleware<GraphQLFrontCache>();

    /// <summary>Maps GET and POST <c>/api/graphql</c>.</summary>
    public static IEndpointConventionBuilder MapOneDigitalGraphQL(this IEndpointRouteBuilder endpoints)
    {
        var handler = endpoints.ServiceProvider.GetRequiredService<GraphQLEndpointHandler>();
        // The permission service is the request's (scoped), the handler is shared. A plain RequestDelegate, not a lambda
        // with a service parameter: the minimal-API binder that would wrap it cost 7-13 % of a cached answer's req/s.
        return endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], (RequestDelegate)(http => handler.HandleAsync(http, http.RequestServices.GetRequiredService<PermissionService>())));
    }
}
