// Why: an editor wants to see a draft as readers will, in the theme, before publishing; the admin issues a short-lived
// preview token (Content/Preview) for one item, and whoever holds the link sees that item's latest version here.
// Nothing about the response may outlive the link: no cache keeps it, no search engine indexes it.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneDigital.Content.Preview;
using OneDigital.Content.Querying;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Preview;

/// <summary><c>GET /preview/{contentItemId}?token=...</c> (<see cref="SitePreviewLink"/>): the item's latest version through its own page template, marked as a preview.</summary>
public static class DraftPreviewPage
{
    public static IEndpointRouteBuilder MapDraftPreview(this IEndpointRouteBuilder app)
    {
        // No output cache policy: a preview is never stored, whoever asks.
        app.MapGet($"{SitePreviewLink.PathPrefix}/{{id}}", PreviewAsync);
        return app;
    }

    private static async Task<IResult> PreviewAsync(HttpContext http, PreviewTokens tokens, ContentQuery query, ItemViews views, string id, string? token)
    {
        SiteServices.DoNotCache(http);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var ct = http.RequestAborted;
        // An unknown, expired, revoked or other item's token gets the same 404 as a missing item: nothing is told.
        var granted = await tokens.ValidateAsync(token, ct);
        if (granted is null || !string.Equals(granted, id, StringComparison.Ordinal)
            || await query.GetLatestAsync(id, ct) is not { } item)
        {
            return SitePage.NotFound();
        }
        return await ContentPages.RenderItemAsync(http, views, item, preview: true);
    }
}
