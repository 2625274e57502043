using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Queries;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// queries: stores Lucene and SQL queries by name (an existing name is updated). Accepts Orchard 1's flat
/// Index/Template and Orchard 2+'s Properties.*QueryMetadata, and keeps both so every reader finds them.
/// </summary>
public sealed class QueriesStep(DocumentStore documents) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["queries"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var array = context.Array("Queries");
        var (queries, _) = await documents.GetAsync<StoredQueriesDocument>(StoredQueriesDocument.DocumentName);
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"Queries[{i}]";
            if (array[i] is not JsonObject source)
            {
                throw context.Fail(path, "A query must be an object.");
            }
            var query = (JsonObject)source.DeepClone();
            var name = JsonValues.NonEmptyString(RecipeStepContext.Get(query, "Name"));
            if (string.IsNullOrWhiteSpace(name))
            {
                throw context.Fail($"{path}.Name", "Query name is missing or empty.");
            }
            var kind = JsonValues.NonEmptyString(RecipeStepContext.Get(query, "Source"));
            var known = StoredQueriesDocument.KnownSource(kind);
            if (known is null)
            {
                throw context.Fail($"{path}.Source", $"Could not find query source '{kind}' (known: {string.Join(", ", StoredQueriesDocument.Sources)}).");
            }
            if (JsonValues.NonEmptyString(RecipeStepContext.Get(query, "Schema")) is { } schema)
            {
                try
                {
                    JsonNode.Parse(schema);
                }
                catch (JsonException ex)
                {
                    throw context.Fail($"{path}.Schema", $"The schema is not valid JSON: {ex.Message}");
                }
            }
            Normalise(query, known);
            queries.Queries[name] = query;
            if (known == "Sql")
            {
                context.Warn($"the SQL query '{name}' is stored; SQL queries over Orchard's index tables cannot run here.");
            }
        }
        await documents.SaveAsync(StoredQueriesDocument.DocumentName, queries);
    }

    private static void Normalise(JsonObject query, string source)
    {
        query["Source"] = source;
        var metadataName = $"{source}QueryMetadata";
        var properties = RecipeStepContext.Get(query, "Properties") as JsonObject ?? [];
        query["Properties"] = properties;
        var metadata = properties[metadataName] as JsonObject ?? [];
        properties[metadataName] = metadata;
        foreach (var key in source == "Lucene" ? new[] { "Index", "Template" } : ["Template"])
        {
            var flat = RecipeStepContext.Get(query, key);
            if (flat is not null) metadata[key] = flat.DeepClone();
            else if (metadata[key] is { } nested) query[key] = nested.DeepClone();
        }
    }
}
