namespace OneDigital.Content.Querying;

/// <summary>
/// A list of one content type's versions (or every type's, when <see cref="ContentType"/> is null: the admin's list
/// of all content, narrowed by a <see cref="ContentColumn.ContentType"/> filter when needed): which (status, owner,
/// filter), in what order, and which page. Without sort keys, newest first (Orchard's order).
/// </summary>
public sealed record ContentListRequest(string? ContentType)
{
    public ContentStatus Status { get; init; } = ContentStatus.Published;

    /// <summary>When set, only versions this user owns (a null user id owns only items without an owner).</summary>
    public ContentOwner? OwnedBy { get; init; }

    public ContentFilter? Filter { get; init; }

    public IReadOnlyList<ContentSort> Sort { get; init; } = [];

    public int Skip { get; init; }

    /// <summary>How many to return; all when null.</summary>
    public int? Take { get; init; }
}

/// <summary>The owner a list is limited to.</summary>
public sealed record ContentOwner(string? UserId);

/// <summary>
/// Which versions a list reads: the published ones, the latest ones, drafts (latest, not published), every version,
/// or the latest versions of items with a pending scheduled publish or unpublish (the admin's "scheduled").
/// </summary>
public enum ContentStatus
{
    Published,
    Latest,
    Draft,
    All,
    Scheduled,
}
