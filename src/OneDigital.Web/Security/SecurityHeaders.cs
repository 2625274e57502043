using Microsoft.Extensions.Options;

namespace OneDigital.Web.Security;

// Every response gets these headers, whatever produced it (an endpoint, the setup gate, an error page), so they are
// added when the response starts rather than by each endpoint. A header an endpoint set itself is left alone:
// that is how a page declares a policy of its own.

/// <summary>
/// <c>X-Content-Type-Options</c>, <c>Referrer-Policy</c>, <c>X-Frame-Options</c>, <c>Content-Security-Policy</c> (per
/// path, see <see cref="ContentSecurityPolicyOptions"/>) and, outside Development over HTTPS,
/// <c>Strict-Transport-Security</c>.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IOptions<ContentSecurityPolicyOptions> policies, IHostEnvironment environment)
{
    /// <summary>A year, the value HSTS preload lists ask for; subdomains are the operator's business, not the CMS's.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    private readonly bool _hsts = !environment.IsDevelopment();

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            headers.TryAdd("Referrer-Policy", "no-referrer");
            headers.TryAdd("X-Frame-Options", "DENY");
            headers.TryAdd("Content-Security-Policy", policies.Value.For(context.Request.Path));
            if (_hsts && context.Request.IsHttps)
            {
                headers.TryAdd("Strict-Transport-Security", StrictTransportSecurity);
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
