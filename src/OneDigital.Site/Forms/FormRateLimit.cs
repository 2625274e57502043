// Why: a person sends a form a few times at most, a program thousands; so each client address may post the site's
// forms a few times in a window (the partition is the address, counted on this node), and past it gets a page in
// plain English that says when to try again.
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Forms;

internal sealed class FormRateLimit(IOptions<SiteFormsOptions> options) : IRateLimiterPolicy<string>
{
    /// <summary>The policy name the form endpoints carry (<c>.RequireRateLimiting(FormRateLimit.Policy)</c>).</summary>
    public const string Policy = "OneDigital.Site.Forms";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        // Only posts count: reading the form again after a refusal is free.
        if (!HttpMethods.IsPost(httpContext.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var settings = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PostsPerWindow,
            Window = settings.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        SiteServices.DoNotCache(http);
        var minutes = Math.Max(1, (int)Math.Ceiling(options.Value.Window.TotalMinutes));
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            minutes = Math.Max(1, (int)Math.Ceiling(retry.TotalMinutes));
        }
        var wait = minutes == 1 ? "a minute" : $"{minutes} minutes";
        await SitePage.Render("Message", new MessageView
        {
            Paragraphs = [$"You have sent this form too many times. Wait {wait}, then try again.", "Nothing you sent just now has been kept."],
            Link = new FormLinkView("/", "Go to the home page"),
        }, new PageView { Title = "Too many attempts", NoIndex = true }, StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }
}
