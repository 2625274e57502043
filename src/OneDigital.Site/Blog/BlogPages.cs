// Why: the blog's pages are the Blog and BlogPost items at their own paths (the fallback route), with models of
// their own, plus the feeds; a case study's page is built like a post's (topics, region, image), so it is here too.
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Media;
using OneDigital.Content.Querying;
using OneDigital.Site.Hub;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Blog;

public static class BlogPages
{
    public static IServiceCollection AddBlogPages(this IServiceCollection services)
    {
        services.AddScoped<IItemPageModel, BlogPageModel>();
        services.AddScoped<IItemPageModel>(sp => Topical(sp, "BlogPost", related: true));
        services.AddScoped<IItemPageModel>(sp => Topical(sp, HubListing.CaseStudy, related: false));
        services.AddSiteViewModel<BlogView>();
        services.AddSiteViewModel<TopicalItemView>();
        services.AddSiteViewModel<TermView>();
        services.AddSiteViewModel<ImageView>();
        return services;
    }

    public static IEndpointRouteBuilder MapBlogPages(this IEndpointRouteBuilder endpoints) => endpoints.MapBlogFeeds();

    private static TopicalPageModel Topical(IServiceProvider services, string contentType, bool related) => new(contentType, related,
        services.GetRequiredService<ContentQuery>(), services.GetRequiredService<ItemViews>(), services.GetRequiredService<SiteTaxonomies>(),
        services.GetRequiredService<MediaOriginals>());
}
