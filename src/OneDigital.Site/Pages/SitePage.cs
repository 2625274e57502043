// Why: every endpoint of the site answers the same way (a template in the layout, HTML, a status), so a page
// endpoint is one line: return SitePage.Render("Search", model, new PageView { ... }).
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Site.Models;
using OneDigital.Site.Theme;

namespace OneDigital.Site.Pages;

/// <summary>A page of the site as an endpoint's result.</summary>
public sealed class SitePage(IReadOnlyList<string> templates, object? model, PageView page, int statusCode) : IResult
{
    /// <summary>The first of the theme's <paramref name="templates"/> with <paramref name="model"/> as <c>Model</c>, in the layout.</summary>
    public static SitePage Render(IReadOnlyList<string> templates, object? model, PageView page, int statusCode = StatusCodes.Status200OK) =>
        new(templates, model, page, statusCode);

    public static SitePage Render(string template, object? model, PageView page, int statusCode = StatusCodes.Status200OK) =>
        new([template], model, page, statusCode);

    /// <summary>The 404 page (NotFound.liquid), with a search box.</summary>
    public static SitePage NotFound() =>
        new(["NotFound"], null, new PageView { Title = "Page not found", NoIndex = true }, StatusCodes.Status404NotFound);

    /// <summary>The 410 page (Gone.liquid): a removed item's path.</summary>
    public static SitePage Gone() =>
        new(["Gone"], null, new PageView { Title = "This page has been removed", NoIndex = true }, StatusCodes.Status410Gone);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var renderer = httpContext.RequestServices.GetRequiredService<ThemeRenderer>();
        // Rendered before anything is written, so a template error still becomes the error page.
        var html = await renderer.RenderPageAsync(httpContext, templates, model, page);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        if (page.NoIndex)
        {
            httpContext.Response.Headers["X-Robots-Tag"] = "noindex";
        }
        await httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
    }
}
