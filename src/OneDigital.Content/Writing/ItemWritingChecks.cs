using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;

namespace OneDigital.Content.Writing;

/// <summary>An item's writing checks as JSON, for the Contents API's <c>?checks=true</c>: each body's statistics and
/// findings, and the ids of the findings that would block publishing it from the admin.</summary>
public static class ItemWritingChecks
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static JsonObject ToJson(ContentItem item, ContentDefinitionDocument definitions, PlainEnglishList words)
    {
        var bodies = ItemBodies.Check(item, definitions, words);
        var settings = WritingChecksSettings.Of(definitions.Type(item.ContentType));
        var blocking = settings.BlockingAmong(bodies.SelectMany(b => b.Report.Findings));
        return new JsonObject
        {
            ["ReadingAgeFormula"] = ReadingAge.Formula,
            ["FindingsCount"] = bodies.Sum(b => b.Report.Findings.Count),
            ["BlockingChecks"] = new JsonArray([.. blocking.Select(f => (JsonNode)f.CheckId).DistinctBy(n => n.GetValue<string>())]),
            ["Bodies"] = new JsonArray([.. bodies.Select(b => (JsonNode)new JsonObject
            {
                ["Path"] = b.Body.Path,
                ["Statistics"] = JsonSerializer.SerializeToNode(b.Report.Statistics, Json),
                ["Findings"] = JsonSerializer.SerializeToNode(b.Report.Findings, Json),
            })]),
        };
    }
}
