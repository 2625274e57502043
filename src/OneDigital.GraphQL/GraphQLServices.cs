using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.GraphQL.Schema;

namespace OneDigital.GraphQL;

public static class GraphQLServices
{
    public static IServiceCollection AddOneDigitalGraphQL(this IServiceCollection services)
    {
        // Bound from configuration when the host has one; tests without configuration get the defaults.
        services.AddOptions<GraphQLOptions>()
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(GraphQLOptions.Section).Bind(options));
        services.AddSingleton<ContentSchemaSource>();
        services.AddSingleton<IGraphQLSchemaSource>(sp => sp.GetRequiredService<ContentSchemaSource>());
        return services;
    }
}
