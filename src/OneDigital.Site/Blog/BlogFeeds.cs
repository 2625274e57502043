// Why: readers who follow the blog in a feed reader get the latest posts as RSS 2.0 or Atom, with absolute links
// (a feed is read away from the site); the feeds are cached and evicted like pages, so a publish shows at once.
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Bulletin;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Settings;
using OneDigital.Site.Hub;
using OneDigital.Site.Models;

namespace OneDigital.Site.Blog;

/// <summary>The blog's feeds: <c>/blog/rss.xml</c> (RSS 2.0) and <c>/blog/atom.xml</c> (Atom 1.0), the latest published posts.</summary>
public static class BlogFeeds
{
    public const string RssPath = "/blog/rss.xml";
    public const string AtomPath = "/blog/atom.xml";
    public const string RssType = "application/rss+xml";
    public const string AtomType = "application/atom+xml";

    /// <summary>How many of the latest posts a feed holds.</summary>
    public const int Length = 20;

    public static IEndpointRouteBuilder MapBlogFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RssPath, (HttpContext http) => WriteAsync(http, RssType, (feed, writer) => feed.SaveAsRss20(writer)))
            .CacheOutput(SiteServices.CachePolicy);
        endpoints.MapGet(AtomPath, (HttpContext http) => WriteAsync(http, AtomType, (feed, writer) => feed.SaveAsAtom10(writer)))
            .CacheOutput(SiteServices.CachePolicy);
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext http, string contentType, Action<SyndicationFeed, XmlWriter> save)
    {
        var feed = await FeedAsync(http);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            save(feed, writer);
        }
        http.Response.ContentType = contentType + "; charset=utf-8";
        await http.Response.Body.WriteAsync(buffer.ToArray(), http.RequestAborted);
    }

    private static async Task<SyndicationFeed> FeedAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var services = http.RequestServices;
        var query = services.GetRequiredService<ContentQuery>();
        var settings = await services.GetRequiredService<SiteSettingsStore>().GetAsync(ct);
        var siteName = JsonValues.NonEmptyString(settings["SiteName"]) ?? "One Digital";
        var baseUrl = BaseUrl(http, services.GetRequiredService<IOptions<PublicSiteOptions>>().Value);
        var posts = await query.ListAsync(new ContentListRequest("BlogPost")
        {
            Sort = [new ContentSort.ByColumn(ContentColumn.PublishedUtc, Descending: true)],
            Take = Length,
        }, ct);
        var views = await services.GetRequiredService<ItemViews>().SummariesAsync(posts, ct);
        var topics = await services.GetRequiredService<SiteTaxonomies>().TermsAsync(SiteTaxonomies.Topics, ct);
        var blogUrl = new Uri(baseUrl, "/blog");
        var feed = new SyndicationFeed($"{siteName} blog", "Updates and learning from One Digital's Digital Champion projects.", blogUrl)
        {
            Id = blogUrl.AbsoluteUri,
            Language = "en-GB",
            LastUpdatedTime = views.Count == 0 ? DateTimeOffset.UnixEpoch : new DateTimeOffset(views.Max(v => v.ModifiedUtc ?? v.PublishedUtc ?? DateTime.UnixEpoch), TimeSpan.Zero),
            Items = [.. views.Where(v => v.Url is not null).Select(v => Item(v, baseUrl, topics))],
        };
        feed.Links.Add(new SyndicationLink(new Uri(baseUrl, http.Request.Path.Value), "self",
            null, http.Request.Path.Value == AtomPath ? AtomType : RssType, 0));
        return feed;
    }

    private static SyndicationItem Item(ItemView post, Uri baseUrl, IReadOnlyList<TermView> topics)
    {
        var url = new Uri(baseUrl, post.Url);
        var item = new SyndicationItem(post.DisplayText, post.Body is null ? null : SyndicationContent.CreateHtmlContent(post.Body.Value), url, url.AbsoluteUri,
            new DateTimeOffset(post.ModifiedUtc ?? post.PublishedUtc ?? DateTime.UnixEpoch, TimeSpan.Zero));
        if (post.PublishedUtc is { } published)
        {
            item.PublishDate = new DateTimeOffset(published, TimeSpan.Zero);
        }
        if (post.Fields.GetValueOrDefault("Subtitle") is string subtitle)
        {
            item.Summary = new TextSyndicationContent(subtitle);
        }
        if (post.Author is { } author)
        {
            item.Authors.Add(new SyndicationPerson { Name = author });
        }
        foreach (var topic in SiteTaxonomies.Named(topics, post.Fields.GetValueOrDefault(HubListing.TopicsField)))
        {
            item.Categories.Add(new SyndicationCategory(topic.Name));
        }
        return item;
    }

    /// <summary><c>OneDigital:Site:PublicUrl</c> when set, otherwise the request's own scheme and host.</summary>
    public static Uri BaseUrl(HttpContext http, PublicSiteOptions options) =>
        options.PublicUrl ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
}
