using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Search;
using OneDigital.Search.Indexes;
using static OneDigital.Search.Queries.DslJson;

namespace OneDigital.Search.Queries;

/// <summary>
/// <c>sort</c>: <c>"field"</c>, <c>{ "field": { "order": "desc", "type": "double" } }</c>, <c>{ "field": "desc" }</c>
/// or an array of those; <c>_score</c> sorts by relevance. A field the index describes sorts by its encoding whatever
/// type is asked for, so Orchard's <c>"type": "double"</c> on CreatedUtc (ticks here) still sorts by date.
/// </summary>
internal sealed class SortParser(IndexQueryContext context)
{
    public Sort Parse(JsonNode node, string path)
    {
        var fields = new List<SortField>();
        foreach (var (item, at) in node is JsonArray ? OneOrMany(node, path) : [(node, path)])
        {
            switch (item)
            {
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    fields.Add(Field(v.GetValue<string>(), null, at));
                    break;
                case JsonObject obj when obj.Count > 0:
                    foreach (var (field, spec) in obj) fields.Add(Field(field, spec, $"{at}.{field}"));
                    break;
                default:
                    throw new SearchQueryException(at, $"expected a field name or {{ \"field\": {{ \"order\": \"desc\" }} }}, not {Show(item)}");
            }
        }
        return new Sort([.. fields]);
    }

    private SortField Field(string field, JsonNode? spec, string path)
    {
        string? order = null;
        string? type = null;
        switch (spec)
        {
            case null: break;
            case JsonValue: order = Text(spec, path); break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    switch (key)
                    {
                        case "order": order = Text(value, $"{path}.order"); break;
                        case "type": type = Text(value, $"{path}.type"); break;
                        default: throw new SearchQueryException($"{path}.{key}", "unknown sort option (expected order, type)");
                    }
                }
                break;
            default: throw new SearchQueryException(path, $"expected \"asc\", \"desc\" or {{ \"order\": ..., \"type\": ... }}, not {Show(spec)}");
        }
        var descending = order?.ToLowerInvariant() switch
        {
            null => field == "_score",
            "asc" => false,
            "desc" => true,
            _ => throw new SearchQueryException(spec is JsonObject ? $"{path}.order" : path, $"expected \"asc\" or \"desc\", not '{order}'"),
        };
        if (field == "_score")
        {
            // Lucene's score order is descending by default; reversing it gives ascending.
            return new SortField(null, SortFieldType.SCORE, !descending);
        }
        var sortType = context.FieldKind(field) switch
        {
            IndexFieldKind.DateTicks => SortFieldType.INT64,
            IndexFieldKind.Number => SortFieldType.DOUBLE,
            IndexFieldKind.Keyword or IndexFieldKind.Text => SortFieldType.STRING,
            _ => Requested(type, path),
        };
        return new SortField(field, sortType, descending);
    }

    private static SortFieldType Requested(string? type, string path) => type?.ToLowerInvariant() switch
    {
        null or "string" => SortFieldType.STRING,
        "int" or "integer" or "int32" => SortFieldType.INT32,
        "long" or "int64" => SortFieldType.INT64,
        "double" => SortFieldType.DOUBLE,
        "float" or "single" => SortFieldType.SINGLE,
        _ => throw new SearchQueryException($"{path}.type", $"unknown sort type '{type}' (expected string, int, long, double, float)"),
    };
}
