// Why: one row per thing worth answering "who did that, and when?" for; the item's type and title are copied in, so
// the row still reads right after the item is renamed, deleted or its type removed.
namespace OneDigital.Content.Audit;

/// <summary>A recorded event, as stored and as read back.</summary>
public sealed class AuditEvent
{
    public const int MaxDetailLength = 2000;

    /// <summary>A string id rather than a counter: a staged import adds its row in a copy of the store, and a
    /// counter there could collide with one the live site took meanwhile.</summary>
    public string Id { get; set; } = "";
    public DateTime OccurredUtc { get; set; }
    public AuditKind Kind { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? ContentItemId { get; set; }
    public string? ContentItemVersionId { get; set; }
    public string? ContentType { get; set; }
    public string? DisplayText { get; set; }
    public string? Detail { get; set; }
    public string? RemoteAddress { get; set; }
}
