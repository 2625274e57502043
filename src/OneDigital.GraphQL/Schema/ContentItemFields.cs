using GraphQL.Types;
using OneDigital.Content.Items;
using static OneDigital.GraphQL.Schema.FieldFactory;

namespace OneDigital.GraphQL.Schema;

/// <summary>The fields every content item has (Orchard's ContentItemType), on the interface and on each item type.</summary>
internal static class ContentItemFields
{
    public static IEnumerable<FieldType> Create(SchemaScalars s)
    {
        yield return Field("contentItemId", s.NonNull(s.String), c => Item(c.Source).ContentItemId, "The item's id, the same for all its versions.");
        yield return Field("contentItemVersionId", s.NonNull(s.String), c => Item(c.Source).ContentItemVersionId, "The id of this version.");
        yield return Field("contentType", s.NonNull(s.String), c => Item(c.Source).ContentType, "The item's content type.");
        yield return Field("displayText", s.String, c => Item(c.Source).DisplayText, "The item's title.");
        yield return Field("published", s.NonNull(s.Boolean), c => Item(c.Source).Published, "Whether this version is the published one.");
        yield return Field("latest", s.NonNull(s.Boolean), c => Item(c.Source).Latest, "Whether this version is the latest one.");
        yield return Field("modifiedUtc", s.DateTime, c => Item(c.Source).ModifiedUtc, "When this version was last changed.");
        yield return Field("publishedUtc", s.DateTime, c => Item(c.Source).PublishedUtc, "When the item was last published.");
        yield return Field("createdUtc", s.DateTime, c => Item(c.Source).CreatedUtc, "When the item was created.");
        yield return Field("owner", s.NonNull(s.String), c => Item(c.Source).Owner ?? "", "The id of the user who owns the item.");
        yield return Field("author", s.NonNull(s.String), c => Item(c.Source).Author ?? "", "The name of the user who last changed the item.");
        yield return Field("render", s.String, _ => null, "Orchard's rendered display; always null here, as the CMS is headless.");
    }

    public static ContentItem Item(object? source) => (ContentItem)source!;
}
