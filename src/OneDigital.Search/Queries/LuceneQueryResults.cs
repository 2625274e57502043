using System.Text.Json.Nodes;
using OneDigital.Content.Items;

namespace OneDigital.Search.Queries;

/// <summary>
/// What a query returns, as Orchard's APIs answer it (<c>{ items, count }</c>): the published content items of the
/// hits in hit order, or the hits' stored fields; <see cref="Count"/> counts every hit, not just the page.
/// </summary>
public sealed class LuceneQueryResults
{
    public required int Count { get; init; }

    /// <summary>With ReturnContentItems: the hits' published items (hits whose item is gone are left out).</summary>
    public IReadOnlyList<ContentItem>? ContentItems { get; init; }

    /// <summary>Without ReturnContentItems: each hit's stored fields.</summary>
    public IReadOnlyList<JsonObject>? Documents { get; init; }

    public JsonObject ToJson()
    {
        var items = new JsonArray();
        foreach (var item in ContentItems?.Select(i => (JsonNode)i.Data.DeepClone()) ?? Documents?.Select(d => (JsonNode)d.DeepClone()) ?? [])
        {
            items.Add(item);
        }
        return new JsonObject { ["items"] = items, ["count"] = Count };
    }
}
