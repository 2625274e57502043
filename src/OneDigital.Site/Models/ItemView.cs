// Why: templates are written by designers and may be edited on a live server; they see a content item only as these
// plain values, so no template can reach the store, an item's JSON or a service, whatever it names.
namespace OneDigital.Site.Models;

/// <summary>A published content item as templates see it (<c>Model</c> in <c>Content-{Type}</c>, items in lists).</summary>
public sealed class ItemView
{
    public required string Id { get; init; }

    public required string ContentType { get; init; }

    public required string DisplayText { get; init; }

    /// <summary>The item's address on the site (<c>/blog/a-post</c>), or null when it has no route.</summary>
    public string? Url { get; init; }

    public DateTime? PublishedUtc { get; init; }

    public DateTime? ModifiedUtc { get; init; }

    public DateTime? CreatedUtc { get; init; }

    public string? Author { get; init; }

    /// <summary>The Markdown or HTML body, rendered and sanitized by Content's pipeline; written as HTML.</summary>
    public SafeHtml? Body { get; init; }

    /// <summary>
    /// The item's fields by name (those of the type's own part first, then other parts'), as plain values: text,
    /// numbers, true/false, UTC dates, <see cref="SafeHtml"/>, <see cref="LinkView"/>, lists of <see cref="MediaView"/>
    /// or of texts (picked items' and terms' ids).
    /// </summary>
    public IReadOnlyDictionary<string, object?> Fields { get; init; } = new Dictionary<string, object?>();

    /// <summary>For a list (Blog, ReportSeries): its first published items in list order, without their own children.</summary>
    public IReadOnlyList<ItemView> Children { get; init; } = [];

    /// <summary>For a contained item (BlogPost, Report): the list it is in, without its children.</summary>
    public ItemView? Container { get; init; }
}

/// <summary>HTML that Content's sanitizer has passed; templates write it as it is, every other string is encoded.</summary>
public sealed record SafeHtml(string Value)
{
    public override string ToString() => Value;
}

/// <summary>A LinkField's value.</summary>
public sealed record LinkView(string Url, string? Text, string? Target);

/// <summary>One file of a MediaField: its URL under the media folder and its alternative text.</summary>
public sealed record MediaView(string Url, string? Text);
