// Why: a history page lists every version of an item; it needs who and when, not the documents themselves.
namespace OneDigital.Content.Querying;

/// <summary>
/// One version of an item as a history lists it. <see cref="Number"/> counts from 1 in the order versions were
/// written; <see cref="Author"/> is who last saved the version (Orchard's meaning), <see cref="Owner"/> who owns the item.
/// </summary>
public sealed record ContentVersionInfo(
    int Number,
    string ContentItemVersionId,
    string? DisplayText,
    bool Latest,
    bool Published,
    DateTime? CreatedUtc,
    DateTime? ModifiedUtc,
    DateTime? PublishedUtc,
    string? Owner,
    string? Author);
