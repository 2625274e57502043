// Why: most readers see the same pages, so an anonymous page is rendered once and served from memory until published
// content changes on any node. The entry's key holds Content's change stamp (which follows the store's change log,
// so another node's publish moves it too) and the CacheHorizon's epoch (an event starting), and the first request that
// sees a new key evicts the old entries by tag.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OneDigital.Content.Changes;
using OneDigital.Content.Settings;
using OneDigital.Content.Store;
using OneDigital.Site.Theme;

namespace OneDigital.Site.Caching;

/// <summary>The output cache policy of the site's pages (<see cref="SiteServices.CachePolicy"/>).</summary>
internal sealed class SiteCachePolicy : IOutputCachePolicy
{
    public const string Tag = "site";

    private const string NoStoreKey = "OneDigital.Site.NoCache";

    private long _lastStamp = long.MinValue;

    /// <summary>Keeps this response out of the cache: forms (antiforgery cookies), previews, anything personal.</summary>
    public static void DoNotCache(HttpContext http) => http.Items[NoStoreKey] = true;

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey("Authorization");
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = context.HttpContext.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.CacheDuration;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        // Entries hold the bytes as compressed for the request (the cache runs outside compression).
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        if (!cacheable)
        {
            return;
        }
        var contentStamp = await context.HttpContext.RequestServices.GetRequiredService<IContentChangeStamp>().GetAsync(cancellation);
        var epoch = context.HttpContext.RequestServices.GetRequiredService<CacheHorizon>().Epoch();
        context.CacheVaryByRules.VaryByValues["content"] = contentStamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // An event that started since a page was cached (CacheHorizon) makes every page of the site render afresh.
        context.CacheVaryByRules.VaryByValues["time"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stamp = HashCode.Combine(contentStamp, epoch);
        // A designer's edit to the theme changes the markup and the assets' hashed URLs.
        // Recipes' template overrides (Theme/TemplateOverrides) are part of the theme.
        var services = context.HttpContext.RequestServices;
        var overrides = await services.GetRequiredService<TemplateOverrides>().CurrentAsync(services, cancellation);
        context.CacheVaryByRules.VaryByValues["theme"] = HashCode.Combine(services.GetRequiredService<ThemeTemplates>().Stamp, overrides.Stamp)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The site name and other site settings an administrator saves show on every page (any node's save).
        var settingsVersion = (await services.GetRequiredService<StoreVersions>().GetAsync(cancellation)).Of(SiteSettingsStore.Watched);
        context.CacheVaryByRules.VaryByValues["settings"] = settingsVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        stamp = HashCode.Combine(stamp, settingsVersion);
        var last = Interlocked.Exchange(ref _lastStamp, stamp);
        if (last != stamp && last != long.MinValue)
        {
            // Older entries are unreachable already (their key holds the old stamp); this frees their memory now.
            var store = context.HttpContext.RequestServices.GetRequiredService<IOutputCacheStore>();
            await store.EvictByTagAsync(Tag, cancellation);
        }
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !response.Headers.SetCookie.Count.Equals(0)
            || context.HttpContext.Items.ContainsKey(NoStoreKey))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
