using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OneDigital.Web.Security;

// What browsers are told: which origins may call the APIs (CORS) and the headers that keep pages from being framed,
// sniffed or downgraded. Kept out of the host so the host only says where in the pipeline it goes.

public static class BrowserSecurity
{
    public const string CorsPolicy = "Partners";

    /// <summary>What a partner's browser-side app sends: a bearer token, JSON or form bodies, a cached ETag.</summary>
    private static readonly string[] AllowedHeaders = ["Authorization", "Content-Type", "Accept", "If-None-Match"];

    /// <summary>What it may read back besides the simple headers.</summary>
    private static readonly string[] ExposedHeaders = ["ETag", "Location", "Retry-After", "WWW-Authenticate"];

    /// <summary>CORS from <c>OneDigital:Cors</c>, the per-path CSP and no <c>Server</c> header.</summary>
    /// <exception cref="InvalidOperationException">An allowed origin is not an origin.</exception>
    public static IServiceCollection AddBrowserSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var options = BrowserSecurityOptions.Read(configuration);
        services.AddSingleton(options);
        services.AddOptions<ContentSecurityPolicyOptions>();
        // "Server: Kestrel" tells an attacker which bugs to try; nothing needs it.
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddCors(o => o.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins([.. options.AllowedOrigins])
            .WithMethods("GET", "POST", "DELETE")
            .WithHeaders(AllowedHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(options.PreflightMaxAge)));
        return services;
    }

    /// <summary>Declares the Content-Security-Policy of pages under a path (the admin, the readers' site).</summary>
    public static IServiceCollection AddContentSecurityPolicy(this IServiceCollection services, string pathPrefix, string policy) =>
        services.Configure<ContentSecurityPolicyOptions>(o => o.Paths[pathPrefix] = policy);

    /// <summary>
    /// Declares the policy of the paths the fallback application (the readers' site) owns, below any prefix declared
    /// with <see cref="AddContentSecurityPolicy"/>: one policy per path, set in one place.
    /// </summary>
    public static IServiceCollection AddFallbackContentSecurityPolicy(this IServiceCollection services, Func<PathString, bool> owns, string policy) =>
        services.Configure<ContentSecurityPolicyOptions>(o => o.Fallback = (owns, policy));

    /// <summary>
    /// First in the pipeline, so that every answer (the setup gate's 503 included) carries the headers and a
    /// preflight is answered before anything asks for credentials. CORS covers the APIs and the token endpoint only.
    /// </summary>
    public static IApplicationBuilder UseBrowserSecurity(this IApplicationBuilder app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseWhen(c => IsCrossOriginPath(c.Request.Path), branch => branch.UseCors(CorsPolicy));
        return app;
    }

    private static bool IsCrossOriginPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/connect/token");
}
