using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneDigital.Search.SiteSearch;

public static class SiteSearchServices
{
    public static IServiceCollection AddSiteSearch(this IServiceCollection services, SiteSearchOptions? options = null)
    {
        services.TryAddSingleton(options ?? new SiteSearchOptions());
        services.TryAddSingleton<VisibleItemsFilters>();
        services.AddScoped<SiteSearchService>();
        return services;
    }
}
