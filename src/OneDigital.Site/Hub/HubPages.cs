// Why: readers browse the learning the Community shares by kind, topic and region; the filters are a GET form, so
// a filtered page is an address readers can bookmark and share, it works without JavaScript, and the output cache
// keeps each one until content changes.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Querying;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Hub;

/// <summary>The Knowledge Hub (<c>/knowledge-hub</c>) and the case studies list (<c>/case-studies</c>).</summary>
public static class HubPages
{
    public const string HubPath = "/knowledge-hub";
    public const string CaseStudiesPath = "/case-studies";
    public const int PageSize = 20;

    public static IServiceCollection AddHubPages(this IServiceCollection services)
    {
        services.AddScoped<SiteTaxonomies>();
        services.AddSiteViewModel<ListingView>();
        services.AddSiteViewModel<ResultsView>();
        services.AddSiteViewModel<PageLink>();
        services.AddSiteViewModel<FilterOption>();
        return services;
    }

    public static IEndpointRouteBuilder MapHubPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(HubPath, (HttpContext http, ContentQuery query, ItemViews views, SiteTaxonomies taxonomies) =>
            ListAsync(http, query, views, taxonomies, caseStudiesOnly: false)).CacheOutput(SiteServices.CachePolicy);
        endpoints.MapGet(CaseStudiesPath, (HttpContext http, ContentQuery query, ItemViews views, SiteTaxonomies taxonomies) =>
            ListAsync(http, query, views, taxonomies, caseStudiesOnly: true)).CacheOutput(SiteServices.CachePolicy);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ContentQuery query, ItemViews views, SiteTaxonomies taxonomies, bool caseStudiesOnly)
    {
        var ct = http.RequestAborted;
        var request = http.Request;
        var topics = await taxonomies.TermsAsync(SiteTaxonomies.Topics, ct);
        var regions = await taxonomies.TermsAsync(SiteTaxonomies.Regions, ct);
        // A value the lists do not offer (an old bookmark, a typed address) is a page that does not exist.
        if (!Chosen(request, "type", caseStudiesOnly ? [] : HubListing.Types.Select(t => t.Slug), out var typeSlug)
            || !Chosen(request, "topic", topics.Select(t => t.Slug), out var topicSlug)
            || !Chosen(request, "region", regions.Select(t => t.Slug), out var regionSlug)
            || Paging.Requested(request) is not { } page)
        {
            return SitePage.NotFound();
        }
        var topic = topics.FirstOrDefault(t => t.Slug == topicSlug);
        var region = regions.FirstOrDefault(t => t.Slug == regionSlug);
        // Only case studies have a region: choosing one narrows the hub to them.
        var types = HubListing.Types
            .Where(t => caseStudiesOnly ? t.ContentType == HubListing.CaseStudy : typeSlug is null || t.Slug == typeSlug)
            .Where(t => region is null || t.ContentType == HubListing.CaseStudy)
            .Select(t => t.ContentType).ToList();
        var listRequest = HubListing.Request(types, topic is null ? [] : [topic.Id], region?.Id);
        var total = await query.CountAsync(listRequest, ct);
        if (page > Paging.PageCount(total, PageSize))
        {
            return SitePage.NotFound();
        }
        var items = await query.ListAsync(listRequest with { Skip = (page - 1) * PageSize, Take = PageSize }, ct);
        var path = caseStudiesOnly ? CaseStudiesPath : HubPath;
        KeyValuePair<string, string?>[] filters = [new("type", typeSlug), new("topic", topicSlug), new("region", regionSlug)];
        var model = new ListingView
        {
            Types = caseStudiesOnly ? [] : [.. HubListing.Types.Select(t => new FilterOption(t.Slug, t.Name, t.Slug == typeSlug))],
            Topics = [.. topics.Select(t => new FilterOption(t.Slug, t.Name, t.Slug == topicSlug))],
            Regions = [.. regions.Select(t => new FilterOption(t.Slug, t.Name, t.Slug == regionSlug))],
            Filtered = typeSlug is not null || topic is not null || region is not null,
            ClearUrl = path,
            Results = Paging.View(await views.SummariesAsync(items, ct), total, page, PageSize, n => Paging.Url(path, filters, n),
                caseStudiesOnly ? "case studies" : "items"),
        };
        var title = caseStudiesOnly ? "Case studies" : "Knowledge Hub";
        return SitePage.Render(caseStudiesOnly ? "CaseStudies" : "KnowledgeHub", model, new PageView
        {
            Title = title,
            Path = Paging.Url(path, filters, page),
            Description = caseStudiesOnly
                ? "Case studies of Digital Champion projects: who they worked with, what they did and what they learned."
                : "Blogs, case studies, reports and events from the One Digital Community of Practice, by topic.",
        });
    }

    /// <summary>The query value of <paramref name="key"/> (null when absent or empty); false when it is one the list does not offer.</summary>
    private static bool Chosen(HttpRequest request, string key, IEnumerable<string> offered, out string? value)
    {
        var values = request.Query[key];
        value = values.Count == 0 || string.IsNullOrEmpty(values.ToString()) ? null : values.ToString();
        return value is null || (values.Count == 1 && offered.Contains(value, StringComparer.Ordinal));
    }
}

/// <summary>The model of KnowledgeHub.liquid and CaseStudies.liquid: the filters as chosen and a page of results.</summary>
public sealed class ListingView
{
    /// <summary>The kinds of item to filter by (none on the case studies list).</summary>
    public IReadOnlyList<FilterOption> Types { get; init; } = [];

    public IReadOnlyList<FilterOption> Topics { get; init; } = [];

    public IReadOnlyList<FilterOption> Regions { get; init; } = [];

    /// <summary>Whether any filter is chosen (the page offers to clear them).</summary>
    public bool Filtered { get; init; }

    /// <summary>The list without filters.</summary>
    public required string ClearUrl { get; init; }

    public required ResultsView Results { get; init; }
}

/// <summary>One choice of a filter: the value sent, the text shown, whether it is the chosen one.</summary>
public sealed record FilterOption(string Value, string Text, bool Selected);
