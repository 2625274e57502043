// Why: search results follow this node's search index, which catches up with a publish a moment after the content
// change stamp moves, so a search page is cached like any page and also keyed on the index it was answered from: an
// entry rendered before the index caught up is never served once it has.
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Search.Indexes;
using OneDigital.Search.SiteSearch;

namespace OneDigital.Site.Caching;

/// <summary>The output cache policy of <c>/search</c> (<see cref="SiteServices.SearchPolicy"/>).</summary>
internal sealed class SearchCachePolicy : IOutputCachePolicy
{
    private readonly SiteCachePolicy _site = new();

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        await _site.CacheRequestAsync(context, cancellation);
        var services = context.HttpContext.RequestServices;
        var index = services.GetRequiredService<LuceneIndexes>().Find(services.GetRequiredService<SiteSearchOptions>().IndexName);
        // The index object too: a rebuild replaces it, and may end at the same cursor with other documents.
        context.CacheVaryByRules.VaryByValues["index"] = index is null
            ? "none"
            : string.Create(CultureInfo.InvariantCulture, $"{RuntimeHelpers.GetHashCode(index)}:{index.Cursor}");
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        _site.ServeFromCacheAsync(context, cancellation);

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) =>
        _site.ServeResponseAsync(context, cancellation);
}
