using System.Text.Json.Nodes;
using OneDigital.Content.Items;

namespace OneDigital.Web.Api.Content;

/// <summary>
/// Orchard's merge of a posted content item into the stored one: objects are merged property by property, anything
/// else (arrays included) replaces what was there. The item's identity, type, owner, flags and dates are the
/// server's and are never taken from the body.
/// </summary>
public static class ContentItemMerge
{
    private static readonly HashSet<string> ServerOwned = new(StringComparer.OrdinalIgnoreCase)
    {
        "ContentItemId", "ContentItemVersionId", "ContentType", "Latest", "Published",
        "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author",
    };

    public static void Merge(ContentItem item, JsonObject posted)
    {
        foreach (var (key, value) in posted)
        {
            if (ServerOwned.Contains(key)) continue;
            // Orchard's recipe and API casing are the stored casing; an existing part keeps its spelling.
            var target = item.Data.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Key ?? key;
            MergeInto(item.Data, target, value);
        }
    }

    private static void MergeInto(JsonObject target, string key, JsonNode? value)
    {
        if (value is JsonObject source && target[key] is JsonObject existing)
        {
            foreach (var (childKey, childValue) in source)
            {
                MergeInto(existing, childKey, childValue);
            }
            return;
        }
        target[key] = value?.DeepClone();
    }
}
