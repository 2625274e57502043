// Why: /media/... is how GraphQL, partners and the readers' site reach the library's files. Originals are served with
// validators and ranges (audio, video and large PDFs seek); variants are made only from the allow-list of sizes or
// a media profile. Nothing here runs a file: types come from the extension list, documents are downloads, and the
// path's policy lets nothing load.
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OneDigital.Content.Errors;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Images;
using OneDigital.Web.Security;
using ContentDispositionHeaderValue = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue;

namespace OneDigital.Web.Media;

public static class MediaEndpoints
{
    public const string Path = "/media";

    /// <summary>Nothing a media file references may load, and no page may frame it.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>What a fingerprinted URL (<c>v=</c> the original's stamp) may be kept for: it never changes.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    public static IServiceCollection AddMediaServing(this IServiceCollection services)
    {
        services.AddSingleton<ImageVariants>();
        services.AddContentSecurityPolicy(Path, ContentSecurityPolicy);
        return services;
    }

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path + "/{**path}", [HttpMethods.Get, HttpMethods.Head], ServeAsync);
        return app;
    }

    private static async Task<IResult> ServeAsync(string? path, HttpContext http, MediaOriginals originals,
        IOptions<MediaImageOptions> options, MediaProfiles profiles, ImageVariants variants)
    {
        var original = (path is null ? null : originals.Find(path))
            ?? throw new MediaRequestException("No file of the media library has this path.", IClientError.NotFound);

        var query = http.Request.Query;
        var resize = ImageResizeQuery.Parse(key => query[key].FirstOrDefault(), options.Value, out var error);
        if (error is not null) throw new MediaRequestException(error);

        var response = http.Response;
        var fingerprinted = query["v"].FirstOrDefault() is { } v && v == original.Stamp;
        // Set only once the answer is a file: a refusal must not be kept by caches.
        void FileHeaders(string disposition)
        {
            response.Headers.CacheControl = fingerprinted ? Immutable : $"public, max-age={options.Value.UnversionedMaxAgeSeconds}";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.ContentDisposition = disposition;
        }

        if (!resize.IsVariant)
        {
            var (contentType, inline) = MediaTypes.Of(original.Path);
            var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
            disposition.SetHttpFileName(System.IO.Path.GetFileName(original.Path));
            FileHeaders(disposition.ToString());
            return Results.File(original.FullPath, contentType, lastModified: original.LastWriteUtc,
                entityTag: new EntityTagHeaderValue($"\"{original.Stamp}\""), enableRangeProcessing: true);
        }

        if (resize.Profile is { } name)
        {
            var profile = await profiles.FindAsync(name, http.RequestAborted)
                ?? throw new MediaRequestException($"There is no media profile named '{name}'.");
            resize = profile with { Focus = resize.Focus, Format = profile.Format ?? resize.Format };
        }
        if (!MediaTypes.IsResizable(original.Path))
        {
            throw new MediaRequestException("Only JPEG, PNG, GIF and WebP images can be resized.");
        }
        var variant = await variants.GetAsync(original, resize, http.RequestAborted);
        FileHeaders("inline");
        return Results.File(variant.FullPath, variant.ContentType, lastModified: variant.LastModified,
            entityTag: new EntityTagHeaderValue(variant.ETag));
    }
}
