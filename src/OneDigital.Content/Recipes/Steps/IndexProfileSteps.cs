using System.Text.Json.Nodes;
using OneDigital.Content.Indexing;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// Search index definitions from every Orchard version: v1/v2 <c>lucene-index</c> (alias <c>LuceneIndexSettings</c>),
/// <c>lucene-index-reset</c>, <c>lucene-index-rebuild</c>, and v3 <c>CreateOrUpdateIndexProfile</c>, <c>ResetIndex</c>,
/// <c>RebuildIndex</c>. Profiles are stored; resets and rebuilds are queued for the search feature.
/// </summary>
public sealed class IndexProfileSteps(DocumentStore documents, TimeProvider clock) : IRecipeStep
{

    public IReadOnlyCollection<string> Names { get; } =
        ["lucene-index", "LuceneIndexSettings", "lucene-index-reset", "lucene-index-rebuild", "CreateOrUpdateIndexProfile", "ResetIndex", "RebuildIndex"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var (doc, _) = await documents.GetAsync<IndexProfilesDocument>(IndexProfilesDocument.DocumentName);
        switch (context.Name.ToLowerInvariant())
        {
            case "lucene-index" or "luceneindexsettings":
                ImportLegacy(context, doc);
                break;
            case "createorupdateindexprofile":
                ImportProfiles(context, doc);
                break;
            case "lucene-index-reset" or "resetindex":
                Queue(context, doc, "Reset");
                break;
            default:
                Queue(context, doc, "Rebuild");
                break;
        }
        await documents.SaveAsync(IndexProfilesDocument.DocumentName, doc);
    }

    private static void ImportLegacy(RecipeStepContext context, IndexProfilesDocument doc)
    {
        var indices = context.Array("Indices");
        for (var i = 0; i < indices.Count; i++)
        {
            if (indices[i] is not JsonObject entry)
            {
                throw context.Fail($"Indices[{i}]", "Each entry must be an object: { \"IndexName\": { settings } }.");
            }
            foreach (var (indexName, value) in entry)
            {
                var path = $"Indices[{i}].{indexName}";
                if (value is not JsonObject settings)
                {
                    throw context.Fail(path, "The index settings must be an object.");
                }
                var types = context.Names("IndexedContentTypes", settings, path);
                var analyzer = JsonValues.NonEmptyString(RecipeStepContext.Get(settings, "AnalyzerName")) ?? "standardanalyzer";
                CheckAnalyzer(context, analyzer, $"{path}.AnalyzerName");
                var profile = doc.Find(indexName) ?? Add(doc, indexName, indexName);
                profile.Properties["ContentIndexMetadata"] = new JsonObject
                {
                    ["IndexLatest"] = Bool(settings, "IndexLatest"),
                    ["IndexedContentTypes"] = new JsonArray(types.Select(t => (JsonNode)t).ToArray()),
                    ["Culture"] = JsonValues.NonEmptyString(RecipeStepContext.Get(settings, "Culture")) ?? "any",
                };
                profile.Properties["LuceneIndexMetadata"] = new JsonObject
                {
                    ["AnalyzerName"] = analyzer,
                    ["StoreSourceData"] = Bool(settings, "StoreSourceData"),
                };
            }
        }
    }

    private static void ImportProfiles(RecipeStepContext context, IndexProfilesDocument doc)
    {
        var indexes = context.Array("indexes");
        for (var i = 0; i < indexes.Count; i++)
        {
            var path = $"indexes[{i}]";
            if (indexes[i] is not JsonObject entry)
            {
                throw context.Fail(path, "Each index profile must be an object.");
            }
            var id = JsonValues.NonEmptyString(RecipeStepContext.Get(entry, "Id"));
            var name = JsonValues.NonEmptyString(RecipeStepContext.Get(entry, "Name"));
            var profile = (id is null ? null : doc.Profiles.Find(p => p.Id == id)) ?? (name is null ? null : doc.Find(name));
            if (profile is null)
            {
                var provider = JsonValues.NonEmptyString(RecipeStepContext.Get(entry, "ProviderName"));
                var type = JsonValues.NonEmptyString(RecipeStepContext.Get(entry, "Type"));
                if (provider is null) throw context.Fail($"{path}.ProviderName", "Could not find provider value: a new index profile needs a ProviderName.");
                if (type is null) throw context.Fail($"{path}.Type", "A new index profile needs a Type (Content).");
                if (!provider.Equals("Lucene", StringComparison.OrdinalIgnoreCase) || !type.Equals("Content", StringComparison.OrdinalIgnoreCase))
                {
                    throw context.Fail($"{path}.ProviderName", $"Unable to find a provider named '{provider}' with the type '{type}'.");
                }
                if (name is null) throw context.Fail($"{path}.Name", "A new index profile needs a Name.");
                profile = Add(doc, name, JsonValues.NonEmptyString(RecipeStepContext.Get(entry, "IndexName")) ?? name);
                if (id is not null) profile.Id = id;
            }
            else
            {
                if (name is not null) profile.Name = name;
                if (JsonValues.NonEmptyString(RecipeStepContext.Get(entry, "IndexName")) is { } indexName) profile.IndexName = indexName;
            }
            if (RecipeStepContext.Get(entry, "Properties") is JsonObject properties)
            {
                ContentDefinitionStep.Merge(profile.Properties, properties);
            }
            if (profile.Content.IndexedContentTypes.Length == 0)
            {
                throw context.Fail($"{path}.Properties.ContentIndexMetadata.IndexedContentTypes", "An index needs at least one content type.");
            }
            CheckAnalyzer(context, profile.Lucene.AnalyzerName, $"{path}.Properties.LuceneIndexMetadata.AnalyzerName");
        }
    }

    private void Queue(RecipeStepContext context, IndexProfilesDocument doc, string action)
    {
        var all = RecipeStepContext.Get(context.Step, "includeAll") is JsonValue v && v.TryGetValue(out bool b) && b;
        var names = all ? doc.Profiles.Select(p => p.IndexName).ToList() : context.Names(context.Get("Indices") is null ? "indexNames" : "Indices");
        for (var i = 0; i < names.Count; i++)
        {
            var profile = doc.Find(names[i]) ?? throw context.Fail($"Indices[{i}]", $"There is no index named '{names[i]}'.");
            doc.PendingActions.Add(new IndexAction(profile.IndexName, action, clock.GetUtcNow().UtcDateTime));
        }
    }

    private static IndexProfile Add(IndexProfilesDocument doc, string name, string indexName)
    {
        var profile = new IndexProfile { Id = IdGenerator.NewId(), Name = name, IndexName = indexName };
        doc.Profiles.Add(profile);
        return profile;
    }

    private static bool Bool(JsonObject obj, string property) =>
        RecipeStepContext.Get(obj, property) is JsonValue v && v.TryGetValue(out bool b) && b;

    private static void CheckAnalyzer(RecipeStepContext context, string analyzer, string path)
    {
        if (!IndexProfilesDocument.Analyzers.Contains(analyzer, StringComparer.OrdinalIgnoreCase))
        {
            throw context.Fail(path, $"'{analyzer}' is not a known analyzer (known: {string.Join(", ", IndexProfilesDocument.Analyzers)}).");
        }
    }
}
