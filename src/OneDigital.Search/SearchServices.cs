using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Configuration;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tasks;

namespace OneDigital.Search;

public static class SearchServices
{
    /// <summary>
    /// The node's Lucene indexes and the indexer that feeds them from the indexing-task log. The background worker is
    /// added separately (<see cref="AddOneDigitalSearchWorker"/>), by the web site only.
    /// </summary>
    public static IServiceCollection AddOneDigitalSearch(this IServiceCollection services)
    {
        const string section = SearchOptions.Section;
        services.AddSettings<SearchOptions>(section)
            .MoreThanZero(section, nameof(SearchOptions.WorkerIntervalSeconds), o => o.WorkerIntervalSeconds)
            .AtLeast(section, nameof(SearchOptions.BatchSize), o => o.BatchSize, 1)
            .AtLeast(section, nameof(SearchOptions.RebuildPageSize), o => o.RebuildPageSize, 1)
            .MoreThanZero(section, nameof(SearchOptions.RamBufferMB), o => o.RamBufferMB)
            .MoreThanZero(section, nameof(SearchOptions.GapWaitSeconds), o => o.GapWaitSeconds);
        // Read on every batch: handed out as a plain value, bound and checked once.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SearchOptions>>().Value);
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
