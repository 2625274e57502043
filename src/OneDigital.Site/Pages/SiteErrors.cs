// Why: a reader who meets a failure (a template error, the store gone) gets the site's own page saying so, in plain
// words and nothing else; the details go to the log, where the people who can fix them look.
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OneDigital.Site.Models;

namespace OneDigital.Site.Pages;

internal sealed class SiteErrors(RequestDelegate next, ILogger<SiteErrors> logger)
{
    // When the theme itself cannot render the error page, this is all the reader sees.
    internal const string PlainErrorPage =
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Sorry, there is a problem with the service</title></head>"
        + "<body><main><h1>Sorry, there is a problem with the service</h1><p>Try again later.</p></main></body></html>";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "The site could not answer {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            SiteServices.DoNotCache(context);
            try
            {
                await SitePage.Render("Error", null, new PageView { Title = "Sorry, there is a problem with the service", NoIndex = true },
                    StatusCodes.Status500InternalServerError).ExecuteAsync(context);
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "The theme could not render the error page");
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(PlainErrorPage);
            }
        }
    }
}
