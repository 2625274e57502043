// Why: the audit page's filters as one value, so the admin, a future export and tests ask the same question.
namespace OneDigital.Content.Audit;

/// <summary>Filters (all optional, combined with AND) and a page. Times are UTC; <see cref="ToUtc"/> is exclusive.</summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 500;

    public IReadOnlyCollection<AuditKind>? Kinds { get; init; }
    /// <summary>The user's name, exactly (names are what the page shows and what a failed sign-in records).</summary>
    public string? UserName { get; init; }
    public string? ContentItemId { get; init; }
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }
    /// <summary>Found, ignoring case, in the title, the detail, the user name or the content type.</summary>
    public string? Text { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>One page of events, newest first, and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total, int Page, int PageSize);
