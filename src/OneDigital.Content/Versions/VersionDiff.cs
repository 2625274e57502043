// Why: editors ask "what changed between these two versions?" in terms of their fields, not of JSON; the diff walks
// Orchard's item shape so any part or field kind (and nested Bag/Flow items) is covered without a case per kind.
using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Content.Versions;

public enum VersionChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One difference: <see cref="Path"/> reads as the editor sees it ("BlogPost › Subtitle › Text", "Widgets › #2
/// Paragraph › Content"); values are plain text (strings as they are, lists joined with ", ", other JSON compact).
/// </summary>
public sealed record VersionChange(string Path, VersionChangeKind Kind, string? OldValue, string? NewValue);

/// <summary>
/// The field-by-field difference between two versions of an item: DisplayText, then each part and field in the
/// order they appear; nested items (Bag, Flow) compared by position. What only records a version (ids, Latest and
/// Published flags, dates, owner and author) is not content and is left out.
/// </summary>
public static class VersionDiff
{
    public const string Separator = " › ";

    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        nameof(ContentItem.ContentItemId), nameof(ContentItem.ContentItemVersionId), nameof(ContentItem.Latest),
        nameof(ContentItem.Published), nameof(ContentItem.ModifiedUtc), nameof(ContentItem.PublishedUtc),
        nameof(ContentItem.CreatedUtc), nameof(ContentItem.Owner), nameof(ContentItem.Author), nameof(ContentItem.ContentType),
    };

    /// <summary>What changed from <paramref name="from"/> to <paramref name="to"/> (usually older to newer).</summary>
    public static IReadOnlyList<VersionChange> Compare(ContentItem from, ContentItem to)
    {
        var changes = new List<VersionChange>();
        WalkObject([], from.Data, to.Data, changes);
        return changes;
    }

    /// <summary>Reads two versions of one item and compares them; a version the item does not have is a 404 error.</summary>
    public static async Task<IReadOnlyList<VersionChange>> CompareAsync(
        ContentQuery query, string contentItemId, string fromVersionId, string toVersionId, CancellationToken ct = default)
    {
        var from = await ReadAsync(query, contentItemId, fromVersionId, ct);
        var to = await ReadAsync(query, contentItemId, toVersionId, ct);
        return Compare(from, to);
    }

    private static async Task<ContentItem> ReadAsync(ContentQuery query, string contentItemId, string versionId, CancellationToken ct) =>
        await query.GetVersionAsync(versionId, ct) is { } item && item.ContentItemId == contentItemId
            ? item
            : throw new ContentVersionNotFoundException(contentItemId, versionId);

    private static void Walk(List<string> path, JsonNode? from, JsonNode? to, List<VersionChange> changes)
    {
        switch (from, to)
        {
            case (null, null):
                return;
            case (JsonObject or null, JsonObject or null):
                WalkObject(path, from as JsonObject, to as JsonObject, changes);
                return;
            case (JsonArray or null, JsonArray or null) when HoldsItems(from) || HoldsItems(to):
                WalkItems(path, (from as JsonArray) ?? [], (to as JsonArray) ?? [], changes);
                return;
        }
        if (JsonNode.DeepEquals(from, to))
        {
            return;
        }
        var kind = from is null ? VersionChangeKind.Added : to is null ? VersionChangeKind.Removed : VersionChangeKind.Changed;
        changes.Add(new VersionChange(string.Join(Separator, path), kind, Text(from), Text(to)));
    }

    private static void WalkObject(List<string> path, JsonObject? from, JsonObject? to, List<VersionChange> changes)
    {
        var keys = new List<string>();
        foreach (var (key, _) in (IEnumerable<KeyValuePair<string, JsonNode?>>?)from ?? []) keys.Add(key);
        foreach (var (key, _) in (IEnumerable<KeyValuePair<string, JsonNode?>>?)to ?? [])
        {
            if (from is null || !from.ContainsKey(key)) keys.Add(key);
        }
        foreach (var key in keys.Where(k => !Bookkeeping.Contains(k)))
        {
            var a = from?[key];
            var b = to?[key];
            // Orchard keeps a Bag's items under "ContentItems": the part's name already says where they are.
            var segment = key == "ContentItems" && (a is JsonArray || b is JsonArray) ? null : key;
            Walk(segment is null ? path : [.. path, segment], a, b, changes);
        }
    }

    private static void WalkItems(List<string> path, JsonArray from, JsonArray to, List<VersionChange> changes)
    {
        for (var i = 0; i < Math.Max(from.Count, to.Count); i++)
        {
            var a = i < from.Count ? from[i] : null;
            var b = i < to.Count ? to[i] : null;
            var type = (b ?? a) is JsonObject o && o["ContentType"] is JsonValue t && t.TryGetValue(out string? name) ? " " + name : "";
            Walk([.. path, $"#{i + 1}{type}"], a, b, changes);
        }
    }

    private static bool HoldsItems(JsonNode? node) => node is JsonArray array && array.Count > 0 && array.All(e => e is JsonObject);

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray a when a.All(e => e is JsonValue) => string.Join(", ", a.Select(Text)),
        _ => node.ToJsonString(),
    };
}
