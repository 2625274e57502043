namespace OneDigital.Content.Store;

/// <summary>One version of a content item: the columns queries filter on, and the item's JSON document.</summary>
internal sealed class ContentItemRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string? DisplayText { get; set; }
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public string Document { get; set; } = "";
}

/// <summary>
/// The generic field index: one row per value of a field (or of an indexed part property) of a latest or
/// published version, so any field can be filtered and sorted without a table per type.
/// </summary>
internal sealed class ContentFieldIndexRecord
{
    public long Id { get; set; }
    public long ContentItemRecordId { get; set; }
    public ContentItemRecord? Version { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string PartName { get; set; } = "";
    public string FieldName { get; set; } = "";
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string? TextValue { get; set; }
    public double? NumberValue { get; set; }
    public DateTime? DateValue { get; set; }
    public bool? BooleanValue { get; set; }
}

/// <summary>A named JSON document: content definitions, site settings, queries, index profiles, features.</summary>
public sealed class DocumentRecord
{
    public string Name { get; set; } = "";
    public int Version { get; set; }
    public string Json { get; set; } = "";
}
