using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tasks;

namespace OneDigital.Search;

public static class SearchServices
{
    /// <summary>
    /// The node's Lucene indexes and the indexer that feeds them from the indexing-task log. The background worker is
    /// added separately (<see cref="AddOneDigitalSearchWorker"/>), by the web site only.
    /// </summary>
    public static IServiceCollection AddOneDigitalSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SearchOptions.Read(configuration));
        services.AddSingleton<LuceneIndexes>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<ILuceneSearcherSource, LuceneSearcherSource>();
        // /health reports an index this node cannot search.
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>(SearchIndexHealthCheck.Name);
        return services;
    }

    public static IServiceCollection AddOneDigitalSearchWorker(this IServiceCollection services) =>
        services.AddHostedService<IndexingWorker>();
}
