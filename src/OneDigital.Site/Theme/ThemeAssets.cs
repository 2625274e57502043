// Why: readers on slow, pay-as-you-go connections should fetch the CSS once; a URL carrying a hash of the file's bytes
// can be cached for a year and still changes the moment a designer edits the file.
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace OneDigital.Site.Theme;

/// <summary>The theme's <c>wwwroot</c>, served under <c>/theme</c>; templates ask for URLs with <c>{{ "css/site.css" | asset_url }}</c>.</summary>
public sealed class ThemeAssets
{
    public const string RequestPath = "/theme";

    internal const string VersionParameter = "v";

    private readonly ConcurrentDictionary<string, (DateTime Modified, string Url)> _urls = new(StringComparer.Ordinal);

    public ThemeAssets(IOptions<SiteOptions> options)
    {
        Folder = Path.Combine(options.Value.FullThemePath, "wwwroot");
        Files = Directory.Exists(Folder) ? new PhysicalFileProvider(Folder) : new NullFileProvider();
    }

    public string Folder { get; }

    public IFileProvider Files { get; }

    /// <summary>The URL of a file under wwwroot with a hash of its content.</summary>
    /// <exception cref="ThemeException">The theme has no such file: a typo in a template, shown by the page's first render.</exception>
    public string Url(string path)
    {
        path = path.TrimStart('/');
        var file = Files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            throw new ThemeException($"The theme has no file wwwroot/{path}.");
        }
        var modified = file.LastModified.UtcDateTime;
        if (_urls.TryGetValue(path, out var known) && known.Modified == modified)
        {
            return known.Url;
        }
        using var stream = file.CreateReadStream();
        var url = $"{RequestPath}/{path}?{VersionParameter}={Convert.ToHexStringLower(SHA256.HashData(stream))[..12]}";
        _urls[path] = (modified, url);
        return url;
    }

    internal StaticFileOptions StaticFiles() => new()
    {
        FileProvider = Files,
        RequestPath = RequestPath,
        OnPrepareResponse = context =>
            // A hashed URL never changes meaning; one without the hash is checked each time.
            context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey(VersionParameter)
                ? "public, max-age=31536000, immutable"
                : "no-cache",
    };
}
