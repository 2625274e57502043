using System.Text.Json.Nodes;
using OneDigital.Content.Queries;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// queries: stores Lucene and SQL queries by name (an existing name is updated). Accepts Orchard 1's flat
/// Index/Template and Orchard 2+'s Properties.*QueryMetadata; <see cref="QueryDefinitions"/> keeps both.
/// </summary>
public sealed class QueriesStep(QueryDefinitions definitions) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["queries"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var array = context.Array("Queries");
        var queries = new List<QueryDefinition>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"Queries[{i}]";
            if (array[i] is not JsonObject source)
            {
                throw context.Fail(path, "A query must be an object.");
            }
            QueryDefinition query;
            try
            {
                query = QueryDefinitions.Normalise(source);
            }
            catch (QueryDefinitionException ex)
            {
                throw context.Fail($"{path}.{ex.Field}", ex.Message);
            }
            queries.Add(query);
        }
        await definitions.SaveAsync(queries);
    }
}
