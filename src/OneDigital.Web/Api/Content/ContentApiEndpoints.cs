using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Html;
using OneDigital.Content.Items;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Content.Writing;
using OneDigital.Web.Auth;
using OneDigital.Web.Problems;
using OpenIddict.Abstractions;

namespace OneDigital.Web.Api.Content;

/// <summary>
/// Orchard's Contents API (ORCHARD-SPEC §3.1): <c>GET</c>/<c>DELETE /api/content/{id}</c> and
/// <c>POST /api/content?draft=false</c>. Every action needs <c>AccessContentApi</c>, then the content permission on
/// the item; a caller without it gets 401 when anonymous and 403 otherwise. <c>?checks=true</c> adds the writing
/// checks' findings for the item's bodies as a <c>WritingChecks</c> property (publishing through the API is not held
/// back by them: the admin's publish is).
/// </summary>
public static class ContentApiEndpoints
{
    public static IEndpointRouteBuilder MapContentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/content");
        group.MapGet("/{contentItemId}", GetAsync);
        group.MapDelete("/{contentItemId}", DeleteAsync);
        group.MapPost("/", PostAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(
        string contentItemId, HttpContext http, ContentManager content, PermissionService permissions, ContentDefinitionStore definitions,
        WritingSettings writing, bool checks = false)
    {
        if (await DenyAsync(http, permissions) is { } denied) return denied;
        var item = await content.GetAsync(contentItemId, VersionOptions.Published, http.RequestAborted);
        if (item is null)
        {
            return Results.NotFound();
        }
        if (!await permissions.IsGrantedAsync(http.User, Permissions.ViewContent, item, http.RequestAborted))
        {
            return http.ChallengeOrForbid();
        }
        var document = await definitions.GetAsync(http.RequestAborted);
        HtmlSanitizingHandler.Sanitize(item, document);
        return checks ? await WithChecksAsync(item, document, writing, http.RequestAborted) : Item(item);
    }

    private static async Task<IResult> DeleteAsync(string contentItemId, HttpContext http, ContentManager content, PermissionService permissions)
    {
        if (await DenyAsync(http, permissions) is { } denied) return denied;
        var item = await content.GetAsync(contentItemId, VersionOptions.Published, http.RequestAborted);
        if (item is null)
        {
            return Results.NoContent();
        }
        if (!await permissions.IsGrantedAsync(http.User, Permissions.DeleteContent, item, http.RequestAborted))
        {
            return http.ChallengeOrForbid();
        }
        await content.RemoveAsync(item, http.RequestAborted);
        return Item(item);
    }

    private static async Task<IResult> PostAsync(
        HttpContext http, ContentManager content, ContentDefinitionStore definitions, PermissionService permissions, StoreTransaction transaction,
        WritingSettings writing, bool draft = false, bool checks = false)
    {
        if (await DenyAsync(http, permissions) is { } denied) return denied;
        JsonObject model;
        try
        {
            model = await JsonNode.ParseAsync(http.Request.Body, documentOptions: ContentJson.Document, cancellationToken: http.RequestAborted) as JsonObject
                ?? throw new JsonException("The body must be a JSON object: a content item.");
        }
        catch (JsonException ex)
        {
            throw new ApiRequestException("The request body is not a valid content item.", ex.Message);
        }

        var posted = new ContentItem(model);
        var ct = http.RequestAborted;
        var item = posted.ContentItemId.Length == 0 ? null : await content.GetAsync(posted.ContentItemId, VersionOptions.DraftRequired, ct);
        var creating = item is null;
        if (item is null)
        {
            if (posted.ContentType.Length == 0 || await definitions.GetTypeAsync(posted.ContentType, ct) is null)
            {
                return await permissions.IsGrantedAsync(http.User, Permissions.PublishContent, ct: ct)
                    ? throw new ApiRequestException(
                        "The content type is not known.",
                        posted.ContentType.Length == 0 ? "A new content item needs a ContentType." : $"The content type '{posted.ContentType}' does not exist.")
                    : http.ChallengeOrForbid();
            }
            item = await content.NewAsync(posted.ContentType, ct);
            if (posted.ContentItemId.Length > 0) item.ContentItemId = posted.ContentItemId;
            item.Owner = CallerId(http.User);
            item.Author = http.User.Identity?.Name;
            if (!await permissions.IsGrantedAsync(http.User, Permissions.PublishContent, item, ct))
            {
                return http.ChallengeOrForbid();
            }
        }
        else if (!await permissions.IsGrantedAsync(http.User, Permissions.EditContent, item, ct))
        {
            return http.ChallengeOrForbid();
        }

        ContentItemMerge.Merge(item, model);
        // An item the handlers refuse (ContentValidationException) is answered 400 with its errors by Web/Problems.
        await transaction.RunAsync(async () =>
        {
            if (creating) await content.CreateAsync(item, publish: !draft, ct);
            else if (draft) await content.UpdateAsync(item, ct);
            else await content.PublishAsync(item, ct);
        }, ct);
        return checks ? await WithChecksAsync(item, await definitions.GetAsync(ct), writing, ct) : Item(item);
    }

    /// <summary>Authenticates the caller and checks <c>AccessContentApi</c>; the answer to give when either fails.</summary>
    private static async Task<IResult?> DenyAsync(HttpContext http, PermissionService permissions)
    {
        if (await http.AuthenticateApiAsync() is { } rejected) return rejected;
        return await permissions.IsGrantedAsync(http.User, Permissions.AccessContentApi, ct: http.RequestAborted) ? null : http.ChallengeOrForbid();
    }

    /// <summary>The caller's user id; for an application's token, its client id.</summary>
    private static string? CallerId(ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst(OpenIddictConstants.Claims.Subject)?.Value;

    private static async Task<IResult> WithChecksAsync(ContentItem item, ContentDefinitionDocument definitions, WritingSettings writing, CancellationToken ct)
    {
        var json = item.Data.DeepClone().AsObject();
        json["WritingChecks"] = ItemWritingChecks.ToJson(item, definitions, await writing.GetWordsAsync(ct));
        return Results.Text(json.ToJsonString(ContentJson.Compact), "application/json; charset=utf-8");
    }

    private static IResult Item(ContentItem item) => Results.Text(item.ToJson(), "application/json; charset=utf-8");
}
