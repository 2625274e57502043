using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// Imports content items (<c>{ "name": "content", "Data": [ ...items ] }</c>) with Orchard's semantics: a known version
/// id is updated in place, otherwise a new version is written. Beyond Orchard, importing a recipe again creates no
/// duplicates: an item whose id is new to the store but which matches an existing item of the same type (same alias,
/// else same path, else the only one with the same display text) updates that item, and every later reference to
/// the recipe's id is pointed at it.
/// </summary>
public sealed class ContentStep(ContentManager manager, ContentDefinitionStore definitions, ContentQuery query) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["content"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var data = context.Array("Data");
        var defs = await definitions.GetAsync();
        var execution = context.Execution;
        for (var i = 0; i < data.Count; i++)
        {
            var path = $"Data[{i}]";
            if (data[i] is not JsonObject json)
            {
                throw context.Fail(path, "A content item must be a JSON object.");
            }
            RecipeExecutor.ApplyIdMap(json, execution.IdMap);
            NormaliseMetadataNames(json);
            var item = new ContentItem(json);
            if (string.IsNullOrWhiteSpace(item.ContentType))
            {
                throw context.Fail($"{path}.ContentType", "The item has no ContentType.");
            }
            if (defs.Type(item.ContentType) is null)
            {
                throw context.Fail($"{path}.ContentType", $"The content type '{item.ContentType}' does not exist; define it in a ContentDefinition step first.");
            }
            foreach (var date in new[] { "CreatedUtc", "ModifiedUtc", "PublishedUtc" })
            {
                if (json[date] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && JsonValues.UtcDateTime(v) is null)
                {
                    throw context.Fail($"{path}.{date}", $"'{v}' is not a date.");
                }
            }
            if (string.IsNullOrEmpty(item.ContentItemId) || !await query.ExistsAsync(item.ContentItemId))
            {
                await MatchExistingAsync(item, execution);
            }
            ImportOutcome outcome;
            try
            {
                outcome = await manager.ImportAsync(item);
            }
            catch (ContentValidationException ex)
            {
                throw context.Fail(path, ex.Message, ex);
            }
            switch (outcome)
            {
                case ImportOutcome.Created: context.Report.ItemsCreated++; execution.CreatedItemIds.Add(item.ContentItemId); break;
                case ImportOutcome.Updated: context.Report.ItemsUpdated++; break;
                default: context.Report.ItemsUnchanged++; break;
            }
        }
    }

    /// <summary>Orchard deserialises items ignoring case (the blog recipe writes "Displaytext").</summary>
    private static void NormaliseMetadataNames(JsonObject json)
    {
        foreach (var key in json.Select(p => p.Key).ToList())
        {
            var canonical = ContentItem.MetadataProperties.FirstOrDefault(m => string.Equals(m, key, StringComparison.OrdinalIgnoreCase));
            if (canonical is not null && canonical != key && !json.ContainsKey(canonical))
            {
                var value = json[key];
                json.Remove(key);
                json[canonical] = value;
            }
        }
    }

    private async Task MatchExistingAsync(ContentItem item, RecipeExecution execution)
    {
        var existingId = await FindByIndexAsync(item, "AliasPart", "Alias", execution)
            ?? await FindByIndexAsync(item, "AutoroutePart", "Path", execution)
            ?? await FindByDisplayTextAsync(item, execution);
        if (existingId is null)
        {
            return;
        }
        var recipeId = item.ContentItemId;
        if (!string.IsNullOrEmpty(recipeId))
        {
            execution.IdMap[recipeId] = existingId;
        }
        item.ContentItemId = existingId;
        // A fresh version id from the recipe would add a version on every re-import; updating the current one is what a re-import means.
        var current = await manager.GetAsync(existingId, VersionOptions.Latest);
        if (current is not null)
        {
            if (!string.IsNullOrEmpty(item.ContentItemVersionId) && item.ContentItemVersionId != current.ContentItemVersionId)
            {
                execution.IdMap[item.ContentItemVersionId] = current.ContentItemVersionId;
            }
            item.ContentItemVersionId = current.ContentItemVersionId;
            MapNestedItems(item.Data, current.Data, execution.IdMap);
        }
        RecipeExecutor.ApplyIdMap(item.Data, execution.IdMap);
    }

    private async Task<string?> FindByIndexAsync(ContentItem item, string part, string field, RecipeExecution execution)
    {
        var value = JsonValues.NonEmptyString(item.Part(part)?[field]);
        if (value is null)
        {
            return null;
        }
        var type = item.ContentType;
        var ids = await query.LatestIdsWithValueAsync(type, part, field, value.Trim('/'), take: 2);
        ids.RemoveAll(execution.CreatedItemIds.Contains);
        return ids.Count == 1 ? ids[0] : null;
    }

    private async Task<string?> FindByDisplayTextAsync(ContentItem item, RecipeExecution execution)
    {
        var text = item.DisplayText ?? JsonValues.NonEmptyString(item.Part("TitlePart")?["Title"]);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var type = item.ContentType;
        var ids = await query.LatestIdsWithDisplayTextAsync(type, text, take: 2);
        ids.RemoveAll(execution.CreatedItemIds.Contains);
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>
    /// Items nested in parts (taxonomy terms, menu items, widgets) have ids of their own that fields refer to;
    /// match them by type and display text inside the matched item.
    /// </summary>
    private static void MapNestedItems(JsonNode? incoming, JsonNode? existing, Dictionary<string, string> map)
    {
        switch (incoming)
        {
            case JsonObject obj when existing is JsonObject current:
                foreach (var (key, value) in obj)
                {
                    if (value is JsonArray or JsonObject) MapNestedItems(value, current[key], map);
                }
                break;
            case JsonArray array when existing is JsonArray currentArray:
                foreach (var element in array.OfType<JsonObject>())
                {
                    if (Text(element, "ContentType") is not { } type || Text(element, "ContentItemId") is not { } id) continue;
                    var match = currentArray.OfType<JsonObject>().FirstOrDefault(c =>
                        Text(c, "ContentType") == type && Text(c, "DisplayText") == Text(element, "DisplayText"));
                    if (match is not null && Text(match, "ContentItemId") is { } matchedId && matchedId != id)
                    {
                        map[id] = matchedId;
                    }
                    MapNestedItems(element, match, map);
                }
                break;
        }
    }

    private static string? Text(JsonObject obj, string property) => JsonValues.NonEmptyString(obj[property]);
}
