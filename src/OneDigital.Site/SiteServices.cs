// Why: the web host knows the readers' site by these two calls only, so the theme engine, its caching and its pages
// can change without touching the host, and the site cannot take a path the admin or an API owns.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneDigital.Content.Configuration;
using OneDigital.Content.Items;
using OneDigital.Site.Blog;
using OneDigital.Site.Bulletin;
using OneDigital.Site.Forms;
using OneDigital.Site.Gone;
using OneDigital.Site.ShareLearning;
using OneDigital.Site.Caching;
using OneDigital.Site.Hub;
using OneDigital.Site.Evaluation;
using OneDigital.Site.Events;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;
using OneDigital.Site.Preview;
using OneDigital.Site.Reports;
using OneDigital.Site.Search;
using OneDigital.Site.Seo;
using OneDigital.Site.Theme;

namespace OneDigital.Site;

public static class SiteServices
{
    /// <summary>The output cache policy every anonymous page endpoint of the site names (<c>.CacheOutput(SiteServices.CachePolicy)</c>).</summary>
    public const string CachePolicy = "OneDigital.Site";

    /// <summary>The search page's policy: <see cref="CachePolicy"/>, also keyed on the search index's progress.</summary>
    public const string SearchPolicy = "OneDigital.Site.Search";

    /// <summary>
    /// Self-hosted styles and images only; no scripts from anywhere but the site. The host sends it for the site's
    /// paths (<see cref="IsSitePath"/>) with its other security headers, so exactly one policy applies to each path.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>Paths the site never answers: the admin's and the APIs' (an unknown API path stays a ProblemDetails 404).</summary>
    private static readonly string[] OtherOwners = ["/admin", "/api", "/connect", "/health", "/media", "/.well-known"];

    /// <summary>The theme engine, view models, output cache and compression.</summary>
    public static IServiceCollection AddOneDigitalSite(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSettings<SiteOptions>(SiteOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ThemePath), $"{SiteOptions.Section}:{nameof(SiteOptions.ThemePath)} must name a folder")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), $"{SiteOptions.Section}:{nameof(SiteOptions.TimeZone)} must name a time zone this server knows")
            .MoreThanZero(SiteOptions.Section, nameof(SiteOptions.CacheDuration), o => o.CacheDuration.TotalSeconds);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CacheHorizon>();
        services.AddSingleton<ThemeTemplates>();
        services.AddSingleton<Navigation.SiteMenu>();
        services.AddSingleton<TemplateOverrides>();
        services.AddSingleton<ThemeAssets>();
        services.AddSingleton<ThemeRenderer>();
        services.AddScoped<ItemViews>();
        services.AddScoped<RemovedPaths>();
        services.AddScoped<IContentEventHandler>(sp => sp.GetRequiredService<RemovedPaths>());
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<SitePathConstraint>(SitePathConstraint.Name));
        services.AddSiteViewModel<HomeView>();
        services.AddHubPages();
        services.AddBlogPages();
        services.AddEventPages();
        services.AddReportPages();
        services.AddEvaluationPages();
        services.AddSiteViewModel<SearchView>().AddSiteViewModel<SearchResultView>().AddSiteViewModel<FacetView>().AddSiteViewModel<PageLinkView>();
        services.AddSiteForms();
        services.AddOutputCache(o =>
        {
            o.AddPolicy(CachePolicy, new SiteCachePolicy());
            o.AddPolicy(SearchPolicy, new SearchCachePolicy());
        });
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", BlogFeeds.RssType, BlogFeeds.AtomType];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Lets templates read the public members of <typeparamref name="T"/> (a page's view model).</summary>
    public static IServiceCollection AddSiteViewModel<T>(this IServiceCollection services) =>
        services.AddSingleton(new SiteViewModel(typeof(T)));

    /// <summary>Whether the site answers this path (everything the admin and the APIs do not own).</summary>
    public static bool IsSitePath(PathString path) => !OtherOwners.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The site's branch of the pipeline (its error page, compression, theme files, output
    /// cache) and the fallback route of content pages. Call it after the host's own middleware and endpoints.
    /// </summary>
    public static WebApplication MapOneDigitalSite(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = app.Services.GetRequiredService<ThemeAssets>();
        app.UseWhen(c => IsSitePath(c.Request.Path), branch =>
        {
            branch.UseMiddleware<SiteErrors>();
            branch.Use((context, next) =>
            {
                // Routing ran first and the fallback route matches every path; static files serve only requests
                // without an endpoint, so the theme's folder is taken out of the fallback here.
                if (context.Request.Path.StartsWithSegments(ThemeAssets.RequestPath))
                {
                    context.SetEndpoint(null);
                }
                return next(context);
            });
            branch.UseRateLimiter();
            // The cache outside compression: an entry holds the compressed bytes (one per Accept-Encoding, see
            // SiteCachePolicy), so a hit is a copy rather than a compression of the page.
            branch.UseOutputCache();
            branch.UseResponseCompression();
            branch.UseStaticFiles(assets.StaticFiles());
        });
        app.MapHubPages();
        app.MapBlogPages();
        app.MapEventPages();
        app.MapSiteSearch();
        app.MapSitemapAndRobots();
        app.MapDraftPreview();
        BulletinPages.Map(app);
        ShareLearningPages.Map(app);
        // Below every other endpoint: a page of the site is whatever no one else answers.
        // GET and HEAD only: a fallback that took every method would turn an API's 405 (a PUT to /api/graphql) into 404.
        app.MapFallback($"{{**path:{SitePathConstraint.Name}}}", (Delegate)ContentPages.ItemAsync)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .CacheOutput(CachePolicy);
        return app;
    }

    /// <summary>Keeps this response out of the output cache (forms, previews).</summary>
    public static void DoNotCache(HttpContext http) => SiteCachePolicy.DoNotCache(http);
}
