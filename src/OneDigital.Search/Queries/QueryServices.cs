using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneDigital.Content.Queries;
using OneDigital.Content.Security;

namespace OneDigital.Search.Queries;

public static class QueryServices
{
    /// <summary>
    /// The query DSL, stored queries and their permissions, over the indexes of <c>AddOneDigitalSearch</c> (tests may
    /// register their own <see cref="ILuceneSearcherSource"/> and <see cref="IIndexQueryContextSource"/> first).
    /// </summary>
    public static IServiceCollection AddSearchQueries(this IServiceCollection services)
    {
        services.TryAddScoped<IIndexQueryContextSource, IndexedQueryContextSource>();
        services.AddScoped<LuceneQueryExecutor>();
        services.AddScoped<Sql.SqlQueryExecutor>();
        services.AddScoped<StoredQueries>();
        services.AddScoped<IQueryFieldSource, StoredQueryFields>();
        services.AddScoped<IPermissionProvider, QueryPermissions>();
        return services;
    }
}
