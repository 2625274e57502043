// Why: Kestrel refuses bodies over 30 MB before any page runs; the library's upload form and the content editor's
// upload in place may carry several files each up to the largest per-type limit, so those multipart posts (and no
// other request) get a limit sized from the media settings. Each file is still held to its own limit as it is saved.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Media.Uploads;

namespace OneDigital.Admin.Media;

internal static class MediaUploadLimit
{
    /// <summary>The most files one form may carry.</summary>
    public const int MaxFiles = 20;

    public static IApplicationBuilder UseMediaUploadLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.HasFormContentType
            && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            && (request.Path.StartsWithSegments(MediaLinks.Library) || request.Path.StartsWithSegments(AdminServices.PathPrefix + "/content"))
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = context.RequestServices.GetRequiredService<UploadCheck>().LargestLimit * MaxFiles + 1_000_000;
        }
        return next(context);
    });
}
