using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using OneDigital.Content.Audit;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Library;
using OneDigital.Content.Media.Storage;
using OneDigital.Content.Media.Uploads;
using OneDigital.Content.Security;
using OneDigital.Web.Auth;
using OneDigital.Web.Problems;

namespace OneDigital.Web.Api.Media;

/// <summary>
/// The media library for partners: <c>POST /api/media?folder=</c> (multipart, one or more files, each streamed
/// through the library's checks as it arrives) and <c>GET /api/media?folder=</c> (a folder's listing). Both need
/// <c>AccessContentApi</c> and <c>ManageMediaContent</c>; a caller without them gets 401 when anonymous, else 403.
/// </summary>
public static class MediaApiEndpoints
{
    /// <summary>The most files one request may carry (each still within its own size limit).</summary>
    public const int MaxFilesPerRequest = 20;

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/media");
        group.MapGet("/", ListAsync);
        group.MapPost("/", UploadAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, PermissionService permissions, MediaLibrary library, string? folder = null)
    {
        if (await DenyAsync(http, permissions) is { } denied) return denied;
        var listing = await library.ListAsync(folder, http.RequestAborted);
        return Results.Json(new JsonObject
        {
            ["folder"] = listing.Folder,
            ["folders"] = new JsonArray(listing.Folders.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()),
            ["files"] = new JsonArray(listing.Files.Select(f => (JsonNode)File(f.File, f.Asset)).ToArray()),
        });
    }

    private static async Task<IResult> UploadAsync(
        HttpContext http, PermissionService permissions, MediaStore uploads, UploadCheck check, ContentActor actor, string? folder = null)
    {
        if (await DenyAsync(http, permissions) is { } denied) return denied;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Each file is held to its own limit as it streams; this only bounds the request as a whole.
            limit.MaxRequestBodySize = check.LargestLimit * MaxFilesPerRequest + 1_000_000;
        }
        var boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The request cannot be read.",
                detail: "Send the files as multipart/form-data, one part per file.");
        }
        actor.Set(http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, http.User.Identity?.Name ?? "api");

        var accepted = new JsonArray();
        var refused = new JsonArray();
        var statuses = new HashSet<int>();
        var reader = new MultipartReader(boundary, http.Request.Body);
        var count = 0;
        while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition()) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
            if (++count > MaxFilesPerRequest)
            {
                throw new ApiRequestException("Too many files.", $"Send at most {MaxFilesPerRequest} files in one request.");
            }
            try
            {
                var asset = await uploads.UploadAsync(folder ?? "", name, section.Body, http.RequestAborted);
                accepted.Add(File(new MediaFileInfo(asset.Path, asset.Length, new DateTimeOffset(asset.UploadedUtc, TimeSpan.Zero)), asset));
            }
            catch (MediaException e)
            {
                statuses.Add(e.Status);
                refused.Add(new JsonObject { ["file"] = name, ["status"] = e.Status, ["detail"] = e.Message });
            }
        }
        if (count == 0) throw new ApiRequestException("No file was sent.", "Send one or more files as multipart/form-data parts with a file name.");
        if (refused.Count == 0) return Results.Json(new JsonObject { ["files"] = accepted }, statusCode: StatusCodes.Status201Created);
        var status = statuses.Count == 1 ? statuses.First() : StatusCodes.Status400BadRequest;
        return Results.Problem(statusCode: status, title: "The file cannot be accepted.",
            detail: string.Join(" ", refused.Select(r => $"{r!["file"]}: {r["detail"]}.")),
            extensions: new Dictionary<string, object?> { ["errors"] = refused, ["files"] = accepted });
    }

    private static JsonObject File(MediaFileInfo file, MediaAsset? asset) => new()
    {
        ["path"] = file.Path,
        ["url"] = "/media/" + string.Join('/', file.Path.Split('/').Select(Uri.EscapeDataString)),
        ["size"] = file.Length,
        ["lastModified"] = file.LastWriteUtc.ToString("O", CultureInfo.InvariantCulture),
        ["contentType"] = asset?.ContentType,
        ["width"] = asset?.Width,
        ["height"] = asset?.Height,
        ["altText"] = asset?.AltText,
    };

    private static async Task<IResult?> DenyAsync(HttpContext http, PermissionService permissions)
    {
        if (await http.AuthenticateApiAsync() is { } rejected) return rejected;
        var ct = http.RequestAborted;
        return await permissions.IsGrantedAsync(http.User, Permissions.AccessContentApi, ct: ct)
            && await permissions.IsGrantedAsync(http.User, Permissions.ManageMedia, ct: ct)
            ? null
            : http.ChallengeOrForbid();
    }
}
