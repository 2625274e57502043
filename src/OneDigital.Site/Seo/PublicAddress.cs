// Why: links that leave the page (canonical, Open Graph, the sitemap, robots.txt) must name the address readers use,
// not whatever host a proxy forwarded; the operator's OneDigital:Site:PublicUrl says so, the request only when unset.
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Bulletin;

namespace OneDigital.Site.Seo;

/// <summary>The site's absolute address, without a trailing slash.</summary>
public static class PublicAddress
{
    public static string Root(HttpContext http)
    {
        var configured = http.RequestServices.GetService<IOptions<PublicSiteOptions>>()?.Value.PublicUrl;
        return configured is { IsAbsoluteUri: true }
            ? configured.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
    }

    /// <summary>The absolute URL of a site path (<c>/blog</c>).</summary>
    public static string Of(HttpContext http, string path) => Root(http) + (path.StartsWith('/') ? path : "/" + path);
}
