// Why: the admin list shows each item's status beside the version it lists, without reading documents.
namespace OneDigital.Content.Querying;

/// <summary>
/// Where an item stands, whichever of its versions a list shows: it has a published version, a newer draft, a pending
/// scheduled publish or unpublish. Both flags set is Orchard's "published, with a newer draft".
/// </summary>
public sealed record ContentItemState(bool HasPublished, bool HasDraft, bool Scheduled);
