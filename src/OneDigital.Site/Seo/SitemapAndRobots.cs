// Why: search engines find the site's pages through sitemap.xml and learn what to leave alone from robots.txt; both
// are built from the store's published routes at request time, so they are right the moment an editor publishes.
using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Querying;
using OneDigital.Site.Models;

namespace OneDigital.Site.Seo;

/// <summary><c>/sitemap.xml</c> (the home page and every published item with a route) and <c>/robots.txt</c>.</summary>
internal static class SitemapAndRobots
{
    /// <summary>The sitemap protocol's limit of addresses in one file.</summary>
    public const int MaxUrls = 50_000;

    private const int Batch = 500;

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSitemapAndRobots(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", SitemapAsync).CacheOutput(SiteServices.CachePolicy);
        app.MapGet("/robots.txt", Robots).CacheOutput(SiteServices.CachePolicy);
        return app;
    }

    /// <summary>Every published item whose AutoroutePart has a path (drafts, unpublished and removed items have no published row).</summary>
    public static ContentListRequest RoutableItems(int skip, int take) => new(ContentType: null)
    {
        // Text has no order to compare with, so "has a path": some path row, and none of them empty.
        Filter = new ContentFilter.And(
        [
            new ContentFilter.Field("AutoroutePart", "Path", FieldValueKind.Text, FilterOperator.StartsWith, ""),
            new ContentFilter.Not(new ContentFilter.Field("AutoroutePart", "Path", FieldValueKind.Text, FilterOperator.Equal, "")),
        ]),
        Sort = [new ContentSort.ByColumn(ContentColumn.ContentItemId)],
        Skip = skip,
        Take = take,
    };

    private static async Task SitemapAsync(HttpContext http, ContentQuery query)
    {
        var ct = http.RequestAborted;
        var root = PublicAddress.Root(http);
        using var buffer = new MemoryStream();
        // Written whole before the response starts, so a store failure halfway still becomes the error page.
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            WriteUrl(xml, root + "/", null);
            var written = 1;
            for (var skip = 0; written < MaxUrls; skip += Batch)
            {
                var items = await query.ListAsync(RoutableItems(skip, Math.Min(Batch, MaxUrls - written)), ct);
                foreach (var item in items)
                {
                    if (ItemViews.UrlOf(item) is not { } path) continue;
                    WriteUrl(xml, root + path, item.ModifiedUtc ?? item.PublishedUtc);
                    written++;
                }
                if (items.Count < Batch) break;
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        http.Response.ContentType = "application/xml; charset=utf-8";
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
    }

    private static void WriteUrl(XmlWriter xml, string url, DateTime? modifiedUtc)
    {
        xml.WriteStartElement("url", SitemapNamespace);
        xml.WriteElementString("loc", SitemapNamespace, url);
        if (modifiedUtc is { } modified)
        {
            xml.WriteElementString("lastmod", SitemapNamespace,
                DateTime.SpecifyKind(modified, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        }
        xml.WriteEndElement();
    }

    private static IResult Robots(HttpContext http) => Results.Text(
        $"""
        User-agent: *
        Allow: /
        Disallow: /admin
        Disallow: /api
        Sitemap: {PublicAddress.Root(http)}/sitemap.xml

        """.Replace("\r\n", "\n", StringComparison.Ordinal), "text/plain", Encoding.UTF8);
}
