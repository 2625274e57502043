// Why: the list's row buttons and its bulk actions do the same things with the same checks; one place decides, per
// item, whether the user may, whether it applies, and does it through ContentManager (each item its own transaction).
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Writing;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.ContentItems;

/// <summary>The lifecycle actions of the content list.</summary>
public enum ContentAction
{
    Publish,
    Unpublish,
    DiscardDraft,
    Clone,
    Delete,
}

/// <summary>What became of one item: done, or refused with the reason an editor reads.</summary>
public sealed record ActionOutcome(string ContentItemId, string Title, bool Done, bool Forbidden, string? Reason)
{
    public static ActionOutcome Success(ContentItem item) => new(item.ContentItemId, ContentActions.TitleOf(item), true, false, null);
}

public sealed class ContentActions(ContentManager manager, ContentQuery query, PermissionService permissions,
    ContentDefinitionStore definitions, WritingSettings writing)
{
    /// <summary>The path segment of an action (<c>/admin/content/{id}/discard-draft</c>).</summary>
    public static string Slug(ContentAction action) => action switch
    {
        ContentAction.DiscardDraft => "discard-draft",
        _ => action.ToString().ToLowerInvariant(),
    };

    public static ContentAction? FromSlug(string? slug) =>
        Enum.GetValues<ContentAction>().Cast<ContentAction?>().FirstOrDefault(a => string.Equals(Slug(a!.Value), slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>Orchard's permission for the action; checked on the item, so the Own and per-type variants apply.</summary>
    public static Permission PermissionFor(ContentAction action) => action switch
    {
        ContentAction.Publish or ContentAction.Unpublish => Permissions.PublishContent,
        ContentAction.DiscardDraft => Permissions.EditContent,
        ContentAction.Clone => Permissions.CloneContent,
        ContentAction.Delete => Permissions.DeleteContent,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>Destructive actions are asked for on a page of their own before they are done.</summary>
    public static bool NeedsConfirmation(ContentAction action) => action is ContentAction.Unpublish or ContentAction.DiscardDraft or ContentAction.Delete;

    /// <summary>The verb as a button says it ("Discard draft").</summary>
    public static string Verb(ContentAction action) => action switch
    {
        ContentAction.DiscardDraft => "Discard draft",
        _ => action.ToString(),
    };

    /// <summary>The past participle for results ("2 items published").</summary>
    public static string Done(ContentAction action) => action switch
    {
        ContentAction.Publish => "published",
        ContentAction.Unpublish => "unpublished",
        ContentAction.DiscardDraft => "draft discarded",
        ContentAction.Clone => "cloned",
        ContentAction.Delete => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static string TitleOf(ContentItem item) => string.IsNullOrWhiteSpace(item.DisplayText) ? $"Untitled {item.ContentType}" : item.DisplayText;

    /// <summary>The item as the list shows it: its latest version, or null when it is gone.</summary>
    public Task<ContentItem?> FindAsync(string contentItemId, CancellationToken ct) => query.GetLatestAsync(contentItemId, ct);

    /// <summary>Whether the user may do the action on the item (not whether it applies).</summary>
    public Task<bool> MayAsync(ClaimsPrincipal user, ContentAction action, ContentItem item, CancellationToken ct) =>
        permissions.IsGrantedAsync(user, PermissionFor(action), item, ct);

    /// <summary>Why the action does not apply to an item in this state, or null when it does.</summary>
    public static string? NotApplicable(ContentAction action, ContentItemState state) => action switch
    {
        ContentAction.Publish when !state.HasDraft => "it has no draft to publish",
        ContentAction.Unpublish when !state.HasPublished => "it is not published",
        ContentAction.DiscardDraft when !(state.HasDraft && state.HasPublished) => "it has no draft beside a published version",
        _ => null,
    };

    /// <summary>Checks and does one action on one item; the caller has already checked the antiforgery token.</summary>
    public async Task<ActionOutcome> RunAsync(HttpContext context, ContentAction action, string contentItemId)
    {
        var (user, ct) = (context.User, context.RequestAborted);
        var item = await FindAsync(contentItemId, ct);
        if (item is null)
        {
            return new ActionOutcome(contentItemId, contentItemId, false, false, "it no longer exists");
        }
        if (!await MayAsync(user, action, item, ct))
        {
            return new ActionOutcome(contentItemId, TitleOf(item), false, true, $"you do not have permission to {Verb(action).ToLowerInvariant()} it");
        }
        var state = (await query.GetStatesAsync([contentItemId], ct))[contentItemId];
        if (NotApplicable(action, state) is { } reason)
        {
            return new ActionOutcome(contentItemId, TitleOf(item), false, false, reason);
        }
        // The editor's gate holds here too: findings the type's checks block on need "Publish anyway" with a reason.
        if (action == ContentAction.Publish
            && PublishAnywayModel.BlockingFindings(item, await definitions.GetAsync(ct), await writing.GetWordsAsync(ct)) is { Count: > 0 } blocking)
        {
            return new ActionOutcome(contentItemId, TitleOf(item), false, false,
                $"its writing checks found {blocking.Count} serious {(blocking.Count == 1 ? "problem" : "problems")}: fix them, or publish it from its editor with a reason");
        }
        try
        {
            switch (action)
            {
                case ContentAction.Publish:
                    await manager.PublishAsync(item, item.ContentItemVersionId, ct);
                    break;
                case ContentAction.Unpublish:
                    await manager.UnpublishAsync(item, item.ContentItemVersionId, ct);
                    break;
                case ContentAction.DiscardDraft:
                    await manager.DiscardDraftAsync(item, item.ContentItemVersionId, ct);
                    break;
                case ContentAction.Clone:
                    // The copy is the cloner's, as in Orchard: they own it and may go on to edit it.
                    var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
                    item.Owner = userId;
                    item.Author = user.Identity?.Name;
                    await manager.CloneAsync(item, ct);
                    break;
                case ContentAction.Delete:
                    await manager.RemoveAsync(item, ct);
                    break;
            }
        }
        catch (ContentConflictException)
        {
            return new ActionOutcome(contentItemId, TitleOf(item), false, false, "someone changed it at the same time; try again");
        }
        catch (ContentValidationException e)
        {
            return new ActionOutcome(contentItemId, TitleOf(item), false, false, $"it is not valid: {string.Join("; ", e.Errors)}");
        }
        return ActionOutcome.Success(item);
    }
}
