// Why: two editors who load the same version must not silently overwrite each other; the second save is refused with
// enough to show a conflict page (what they saw, what is there now, who changed it and when).
using OneDigital.Content.Errors;

namespace OneDigital.Content.Items;

/// <summary>
/// A save, publish, unpublish, discard or restore named the version it was loaded from, and the item's latest version
/// is no longer that one. Nothing was written.
/// </summary>
public sealed class ContentConflictException(
    string contentItemId, string expectedVersionId, string? currentVersionId, string? changedBy, DateTime? changedUtc)
    : Exception(Describe(contentItemId, expectedVersionId, currentVersionId, changedBy, changedUtc)), IClientError
{
    public string ContentItemId { get; } = contentItemId;

    /// <summary>The latest version the caller loaded.</summary>
    public string ExpectedVersionId { get; } = expectedVersionId;

    /// <summary>The item's latest version now, or null when the item was removed meanwhile.</summary>
    public string? CurrentVersionId { get; } = currentVersionId;

    /// <summary>Who wrote the current latest version (its Author, else its Owner), when known.</summary>
    public string? ChangedBy { get; } = changedBy;

    public DateTime? ChangedUtc { get; } = changedUtc;

    int IClientError.Status => IClientError.Conflict;

    string IClientError.Title => "The content item was changed by someone else.";

    string IClientError.Detail => Message;

    IReadOnlyDictionary<string, object?>? IClientError.Extensions => new Dictionary<string, object?>
    {
        ["contentItemId"] = ContentItemId,
        ["expectedVersionId"] = ExpectedVersionId,
        ["currentVersionId"] = CurrentVersionId,
        ["changedBy"] = ChangedBy,
        ["changedUtc"] = ChangedUtc,
    };

    private static string Describe(string id, string expected, string? current, string? by, DateTime? at) =>
        current is null
            ? $"The content item '{id}' was removed after version '{expected}' was loaded."
            : $"The content item '{id}' is at version '{current}'{(by is null ? "" : $", saved by {by}")}{(at is { } t ? $" at {t:yyyy-MM-dd HH:mm:ss} UTC" : "")}, not at version '{expected}' that was loaded.";
}
