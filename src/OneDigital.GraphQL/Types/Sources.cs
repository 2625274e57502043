using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;

namespace OneDigital.GraphQL.Types;

/// <summary>What a part's fields resolve from: the part's JSON in its item.</summary>
internal sealed record PartSource(ContentItem Item, JsonObject Json);

/// <summary>What a content field's subfields resolve from: the field's JSON and its definition (for its settings).</summary>
internal sealed record FieldSource(ContentItem Item, JsonObject Json, ContentPartFieldDefinition Definition);

internal static class JsonValues
{
    public static string? String(JsonNode? node) =>
        node is JsonValue v ? (v.TryGetValue(out string? s) ? s : v.ToJsonString()) : null;

    public static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => String(n) ?? "")] : [];

    public static object? Scalar(JsonNode? node) => node is JsonValue v ? v.GetValue<object>() : null;
}
