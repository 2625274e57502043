using System.Text.Json.Nodes;
using OneDigital.Content.Indexing;
using OneDigital.Content.Items;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// Search index definitions from every Orchard version: v1/v2 <c>lucene-index</c> (alias <c>LuceneIndexSettings</c>),
/// <c>lucene-index-reset</c>, <c>lucene-index-rebuild</c>, and v3 <c>CreateOrUpdateIndexProfile</c>, <c>ResetIndex</c>,
/// <c>RebuildIndex</c>. Profiles are stored and resets and rebuilds queued by <see cref="IndexProfiles"/>.
/// </summary>
public sealed class IndexProfileSteps(IndexProfiles profiles) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } =
        ["lucene-index", "LuceneIndexSettings", "lucene-index-reset", "lucene-index-rebuild", "CreateOrUpdateIndexProfile", "ResetIndex", "RebuildIndex"];

    public Task ExecuteAsync(RecipeStepContext context) => context.Name.ToLowerInvariant() switch
    {
        "lucene-index" or "luceneindexsettings" => ImportLegacyAsync(context),
        "createorupdateindexprofile" => ImportProfilesAsync(context),
        "lucene-index-reset" or "resetindex" => QueueAsync(context, "Reset"),
        _ => QueueAsync(context, "Rebuild"),
    };

    private async Task ImportLegacyAsync(RecipeStepContext context)
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
                var content = new ContentIndexMetadata
                {
                    IndexedContentTypes = [.. context.Names("IndexedContentTypes", settings, path)],
                    IndexLatest = Bool(settings, "IndexLatest"),
                    Culture = JsonValues.NonEmptyString(RecipeStepContext.Get(settings, "Culture")) ?? "any",
                };
                var lucene = new LuceneIndexMetadata
                {
                    AnalyzerName = JsonValues.NonEmptyString(RecipeStepContext.Get(settings, "AnalyzerName")) ?? "standardanalyzer",
                    StoreSourceData = Bool(settings, "StoreSourceData"),
                };
                try
                {
                    await profiles.SaveLegacyAsync(indexName, content, lucene);
                }
                catch (IndexProfileException ex)
                {
                    throw context.Fail($"{path}.{ex.Field}", ex.Message);
                }
            }
        }
    }

    private async Task ImportProfilesAsync(RecipeStepContext context)
    {
        var indexes = context.Array("indexes");
        for (var i = 0; i < indexes.Count; i++)
        {
            var path = $"indexes[{i}]";
            if (indexes[i] is not JsonObject entry)
            {
                throw context.Fail(path, "Each index profile must be an object.");
            }
            var profile = new IndexProfileEntry(
                Id: Text(entry, "Id"),
                Name: Text(entry, "Name"),
                IndexName: Text(entry, "IndexName"),
                ProviderName: Text(entry, "ProviderName"),
                Type: Text(entry, "Type"),
                Properties: RecipeStepContext.Get(entry, "Properties") as JsonObject);
            try
            {
                await profiles.SaveAsync(profile);
            }
            catch (IndexProfileException ex)
            {
                throw context.Fail($"{path}.{ex.Field}", ex.Message);
            }
        }
    }

    private async Task QueueAsync(RecipeStepContext context, string action)
    {
        var all = RecipeStepContext.Get(context.Step, "includeAll") is JsonValue v && v.TryGetValue(out bool b) && b;
        var names = all ? null : context.Names(context.Get("Indices") is null ? "indexNames" : "Indices");
        try
        {
            await profiles.QueueAsync(names, action);
        }
        catch (UnknownIndexProfileException ex)
        {
            throw context.Fail($"Indices[{ex.Position}]", ex.Message);
        }
    }

    private static string? Text(JsonObject obj, string property) => JsonValues.NonEmptyString(RecipeStepContext.Get(obj, property));

    private static bool Bool(JsonObject obj, string property) =>
        RecipeStepContext.Get(obj, property) is JsonValue v && v.TryGetValue(out bool b) && b;
}
