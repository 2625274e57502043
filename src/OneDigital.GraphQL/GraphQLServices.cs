using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Configuration;
using OneDigital.GraphQL.Schema;

namespace OneDigital.GraphQL;

public static class GraphQLServices
{
    public static IServiceCollection AddOneDigitalGraphQL(this IServiceCollection services)
    {
        const string section = GraphQLOptions.Section;
        services.AddSettings<GraphQLOptions>(section)
            .AtLeast(section, nameof(GraphQLOptions.DefaultNumberOfResults), o => o.DefaultNumberOfResults, 1)
            .AtLeast(section, nameof(GraphQLOptions.MaxNumberOfResults), o => o.MaxNumberOfResults, 1)
            .NotNegative(section, nameof(GraphQLOptions.MaxDepth), o => o.MaxDepth)
            .NotNegative(section, nameof(GraphQLOptions.MaxComplexity), o => o.MaxComplexity)
            .NotNegative(section, nameof(GraphQLOptions.FieldImpact), o => o.FieldImpact)
            .NotNegative(section, nameof(GraphQLOptions.MaxFilterDepth), o => o.MaxFilterDepth)
            .NotNegative(section, nameof(GraphQLOptions.MaxFilterTerms), o => o.MaxFilterTerms);
        services.AddSingleton<ContentSchemaSource>();
        services.AddSingleton<IGraphQLSchemaSource>(sp => sp.GetRequiredService<ContentSchemaSource>());
        return services;
    }
}
