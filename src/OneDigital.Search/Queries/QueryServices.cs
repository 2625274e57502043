using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneDigital.Content.Security;

namespace OneDigital.Search.Queries;

public static class QueryServices
{
    /// <summary>
    /// The query DSL, stored queries and their permissions. The index side registers <c>ILuceneSearcherSource</c>
    /// and may replace the <see cref="IIndexQueryContextSource"/> with one that knows every field of its indexes.
    /// </summary>
    public static IServiceCollection AddSearchQueries(this IServiceCollection services)
    {
        services.TryAddSingleton<IIndexQueryContextSource, CoreFieldQueryContextSource>();
        services.AddScoped<LuceneQueryExecutor>();
        services.AddScoped<StoredQueries>();
        services.AddScoped<IPermissionProvider, QueryPermissions>();
        return services;
    }
}
