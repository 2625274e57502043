// Why: callers describe what happened; the trail adds the time, the id and, unless the caller names one, the actor.
using OneDigital.Content.Items;

namespace OneDigital.Content.Audit;

/// <summary>
/// An event to record. <see cref="UserName"/> and <see cref="UserId"/> override the scope's <see cref="ContentActor"/>
/// (a failed sign-in names the account that was tried, not a signed-in user).
/// </summary>
public sealed record AuditEntry(AuditKind Kind)
{
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public string? ContentItemId { get; init; }
    public string? ContentItemVersionId { get; init; }
    public string? ContentType { get; init; }
    public string? DisplayText { get; init; }
    public string? Detail { get; init; }
    public string? RemoteAddress { get; init; }

    /// <summary>An event about an item, described as the item is now.</summary>
    public static AuditEntry For(AuditKind kind, ContentItem item, string? detail = null) => new(kind)
    {
        ContentItemId = item.ContentItemId,
        ContentItemVersionId = item.ContentItemVersionId,
        ContentType = item.ContentType,
        DisplayText = item.DisplayText,
        Detail = detail,
    };
}
