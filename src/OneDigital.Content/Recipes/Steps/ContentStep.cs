using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Recipes.Stored;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// Imports content items (<c>{ "name": "content", "Data": [ ...items ] }</c>) with Orchard's semantics: a known id is
/// updated (a known version id in place), otherwise a new item is written. Importing a recipe again creates no
/// duplicates: the <see cref="RecipeItemLedger"/> remembers which item each of the recipe's items became, so a new
/// id (<c>[js: uuid()]</c>) for an item an earlier run created updates that item. Unrelated content is never matched:
/// a path another item holds gets a unique one. An item of a type no definition names is kept as its JSON, with a
/// warning, as Orchard's content step keeps it.
/// </summary>
public sealed class ContentStep(ContentManager manager, ContentDefinitionStore definitions, RecipeItemLedger ledger, SetupRunItems setupRun) : IRecipeItemStep
{
    /// <summary>Items read, evaluated and looked up together: one query for which of their ids the store holds, not two per item.</summary>
    private const int Chunk = 500;

    public IReadOnlyCollection<string> Names { get; } = ["content"];

    public string ItemsProperty => "Data";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var count = context.ItemCount(ItemsProperty);
        var defs = await definitions.GetAsync();
        var execution = context.Execution;
        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = ItemKey(context.RawItemAt(ItemsProperty, i) as JsonObject, context.Number, i);
        }
        var ledgerEntries = await ledger.FindAsync(execution.RecipeName, keys);
        if (!execution.PreLedgerSetup.Checked)
        {
            // Once per run, before this run's own entries exist.
            execution.PreLedgerSetup = (true, await setupRun.PreLedgerSetupAsync(execution.RecipeName));
        }
        var warnings = new List<string>();
        // Versions this step wrote: a recipe that gives two items one version id must still fail as it did.
        var writtenVersionIds = new HashSet<string>(StringComparer.Ordinal);
        var chunk = new List<(int Index, ContentItem Item)>(Chunk);
        for (var start = 0; start < count; start += Chunk)
        {
            chunk.Clear();
            for (var i = start; i < Math.Min(count, start + Chunk); i++)
            {
                chunk.Add((i, ReadItem(context, defs, i)));
            }
            await manager.PrepareImportAsync(chunk.ConvertAll(c => c.Item));
            var stored = await manager.StoredIdsAsync(
                chunk.Select(c => c.Item.ContentItemId).Where(id => !string.IsNullOrEmpty(id)).ToList(),
                chunk.Select(c => c.Item.ContentItemVersionId).Where(id => !string.IsNullOrEmpty(id)).ToList());
            foreach (var (i, item) in chunk)
            {
                var path = $"Data[{i}]";
                // Read before the id map of earlier items is applied: only these ids were looked up.
                var (lookedUpId, lookedUpVersionId) = (item.ContentItemId, item.ContentItemVersionId);
                RecipeExecutor.ApplyIdMap(item.Data, execution.IdMap);
                bool Exists(string id) => stored.ItemIds.Contains(id) || execution.CreatedItemIds.Contains(id);
                ledgerEntries.TryGetValue(keys[i], out var entry);
                var adopted = false;
                if (entry is null && execution.PreLedgerSetup.SetUpUtc is { } setUpUtc && !keys[i].StartsWith("id:", StringComparison.Ordinal))
                {
                    var (setupItemId, doubt) = await setupRun.FindAsync(item, setUpUtc);
                    if (setupItemId is not null)
                    {
                        entry = new RecipeItemLedgerEntry { Recipe = execution.RecipeName, ItemKey = keys[i], ContentItemId = setupItemId };
                        adopted = true;
                        context.WarnAt(path, $"taken to be '{setupItemId}', which this recipe set up before the import ledger existed (the one {item.ContentType} titled '{item.DisplayText}' from the setup); it is updated, not created again.");
                    }
                    else if (doubt is not null)
                    {
                        context.WarnAt(path, $"a new item was created: this recipe set the store up before the import ledger existed, and the item set up then cannot be told apart ({doubt}).");
                    }
                }
                // Only an item the ledger knows can match an earlier run.
                if (entry is not null && (string.IsNullOrEmpty(item.ContentItemId) || !Exists(item.ContentItemId)))
                {
                    await MatchEarlierRunAsync(item, entry, execution);
                }
                // An item whose ids the store does not hold and this import has not written needs no lookups on the way in;
                // nor does one without a version id (most hand-written recipes): it gets a new one.
                var knownNew = !string.IsNullOrEmpty(item.ContentItemId) && item.ContentItemId == lookedUpId && !Exists(item.ContentItemId)
                    && (string.IsNullOrEmpty(item.ContentItemVersionId)
                        || (item.ContentItemVersionId == lookedUpVersionId
                            && !stored.VersionIds.Contains(item.ContentItemVersionId) && !writtenVersionIds.Contains(item.ContentItemVersionId)));
                ImportOutcome outcome;
                warnings.Clear();
                try
                {
                    outcome = await manager.ImportAsync(item, warnings, knownNew);
                }
                catch (ContentValidationException ex)
                {
                    throw context.Fail(path, ex.Message, ex);
                }
                writtenVersionIds.Add(item.ContentItemVersionId);
                foreach (var warning in warnings) context.WarnAt(path, warning);
                if (outcome == ImportOutcome.Created) execution.CreatedItemIds.Add(item.ContentItemId);
                if (adopted || entry?.ContentItemId != item.ContentItemId)
                {
                    ledgerEntries[keys[i]] = ledger.Record(execution.RecipeName, keys[i], item.ContentItemId, adopted ? null : entry);
                }
                // Last: the progress display may read the report.
                context.Report.CountItem(item.ContentType, outcome);
            }
        }
        await ledger.SaveAsync();
    }

    /// <summary>Item <paramref name="index"/> evaluated and checked: a JSON object with a type and dates that read as dates.</summary>
    private ContentItem ReadItem(RecipeStepContext context, ContentDefinitionDocument defs, int index)
    {
        var path = $"Data[{index}]";
        if (context.ItemAt(ItemsProperty, index) is not JsonObject json)
        {
            throw context.Fail(path, "A content item must be a JSON object.");
        }
        NormaliseMetadataNames(json);
        var item = new ContentItem(json);
        if (string.IsNullOrWhiteSpace(item.ContentType))
        {
            throw context.Fail($"{path}.ContentType", "The item has no ContentType.");
        }
        foreach (var date in new[] { "CreatedUtc", "ModifiedUtc", "PublishedUtc" })
        {
            if (json[date] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && JsonValues.UtcDateTime(v) is null)
            {
                throw context.Fail($"{path}.{date}", $"'{v}' is not a date.");
            }
        }
        WarnAboutUnknownNames(context, defs, item, path);
        return item;
    }

    /// <summary>
    /// The item's identity within its recipe: the id the recipe writes when it is a literal, else the item's place
    /// (an id from <c>uuid()</c> differs on every run; the place does not).
    /// </summary>
    private static string ItemKey(JsonObject? raw, int stepNumber, int index)
    {
        var id = raw is null ? null : JsonValues.NonEmptyString(RecipeStepContext.Get(raw, "ContentItemId"));
        return id is not null && !RecipeScripts.IsExpression(id) ? $"id:{id}" : $"steps[{stepNumber - 1}].Data[{index}]";
    }

    private static void WarnAboutUnknownNames(RecipeStepContext context, ContentDefinitionDocument defs, ContentItem item, string path)
    {
        var type = defs.Type(item.ContentType);
        if (type is null)
        {
            context.WarnAt($"{path}.ContentType", $"the content type '{item.ContentType}' of item '{item.ContentItemId}' is not defined; the item is kept as its JSON and exported unchanged, but is not in GraphQL or the editor until a definition exists.");
            return;
        }
        foreach (var typePart in type.Parts)
        {
            if (defs.Part(typePart.PartName) is not { } part || item.Part(typePart.Name) is not { } partJson) continue;
            foreach (var field in part.Fields)
            {
                if (field.Kind is null && partJson[field.Name] is not null)
                {
                    context.WarnAt($"{path}.{typePart.Name}.{field.Name}", $"the field kind '{field.FieldName}' of item '{item.ContentItemId}' ({item.ContentType}) is not known; the value is kept as its JSON and exported unchanged, but is not in GraphQL or the editor.");
                }
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

    /// <summary>An item an earlier run of this recipe created is updated, and the recipe's id pointed at it.</summary>
    private async Task MatchEarlierRunAsync(ContentItem item, RecipeItemLedgerEntry? entry, RecipeExecution execution)
    {
        if (entry is null || execution.CreatedItemIds.Contains(entry.ContentItemId))
        {
            return;
        }
        var current = await manager.GetAsync(entry.ContentItemId, VersionOptions.Latest);
        if (current is null)
        {
            // Removed since: the recipe creates it again.
            return;
        }
        var existingId = entry.ContentItemId;
        var recipeId = item.ContentItemId;
        if (!string.IsNullOrEmpty(recipeId))
        {
            execution.IdMap[recipeId] = existingId;
        }
        item.ContentItemId = existingId;
        // A fresh version id from the recipe would add a version on every re-import; updating the current one is what a re-import means.
        if (!string.IsNullOrEmpty(item.ContentItemVersionId) && item.ContentItemVersionId != current.ContentItemVersionId)
        {
            execution.IdMap[item.ContentItemVersionId] = current.ContentItemVersionId;
        }
        item.ContentItemVersionId = current.ContentItemVersionId;
        MapNestedItems(item.Data, current.Data, execution.IdMap);
        RecipeExecutor.ApplyIdMap(item.Data, execution.IdMap);
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
