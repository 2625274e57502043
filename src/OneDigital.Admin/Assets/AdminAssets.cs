// Why: the admin's files are embedded in its assembly, so they are served the same way under dotnet run, a test host
// running from bin and a published site, in every environment, with no Node and no static-web-assets manifest. A
// URL carries a hash of the file's bytes, so it can be cached for a year and still change with the file.
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace OneDigital.Admin.Assets;

/// <summary>The embedded <c>wwwroot</c>, served under <c>/admin/assets</c>.</summary>
public sealed class AdminAssets
{
    public const string RequestPath = AdminServices.PathPrefix + "/assets";

    private const string VersionParameter = "v";

    private readonly ConcurrentDictionary<string, string> _urls = new(StringComparer.Ordinal);

    public IFileProvider Files { get; } = new ManifestEmbeddedFileProvider(typeof(AdminAssets).Assembly, "wwwroot");

    /// <summary>The URL of a file under wwwroot (<c>lib/govuk-frontend/govuk-frontend.min.css</c>) with its content hash.</summary>
    /// <exception cref="FileNotFoundException">No such embedded file: a typo in a page, found by its first request.</exception>
    public string Url(string path) => _urls.GetOrAdd(path, p =>
    {
        var file = Files.GetFileInfo(p);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The admin has no asset wwwroot/{p}.", p);
        }
        using var stream = file.CreateReadStream();
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        return $"{RequestPath}/{p}?{VersionParameter}={hash}";
    });

    internal void OnPrepareResponse(StaticFileResponseContext context)
    {
        // A hashed URL never changes meaning; an unhashed one (a module's relative import) is checked each time.
        context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey(VersionParameter)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }
}

internal static class AdminAssetsMiddleware
{
    public static IApplicationBuilder UseAdminAssets(this IApplicationBuilder app)
    {
        var assets = app.ApplicationServices.GetRequiredService<AdminAssets>();
        // Routing ran first and the site's fallback route matches every path; static files serve only requests
        // without an endpoint, so the admin's assets are taken out of that fallback here.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(AdminAssets.RequestPath)) context.SetEndpoint(null);
            return next(context);
        });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = assets.Files,
            RequestPath = AdminAssets.RequestPath,
            OnPrepareResponse = assets.OnPrepareResponse,
        });
    }
}
