using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OneDigital.GraphQL;

public static class GraphQLServices
{
    public static IServiceCollection AddOneDigitalGraphQL(this IServiceCollection services)
    {
        // Bound from configuration when the host has one; tests without configuration get the defaults.
        services.AddOptions<GraphQLOptions>()
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(GraphQLOptions.Section).Bind(options));
        return services;
    }
}
