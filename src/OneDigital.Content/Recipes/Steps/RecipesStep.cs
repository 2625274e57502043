using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// recipes: runs other recipes, found by their header name next to this recipe or in the configured recipe
/// folders, inside the same transaction.
/// </summary>
public sealed class RecipesStep(RecipeLocator locator) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["recipes"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var values = context.Array("Values");
        for (var i = 0; i < values.Count; i++)
        {
            var path = $"Values[{i}].name";
            var name = values[i] is JsonObject v ? JsonValues.NonEmptyString(RecipeStepContext.Get(v, "name")) : null;
            if (name is null)
            {
                throw context.Fail(path, "Each value needs the 'name' of the recipe to run.");
            }
            var inner = locator.Find(name, context.Execution.Recipe.BasePath)
                ?? throw context.Fail(path, $"No recipe named '{name}' was found (looked in {string.Join(", ", locator.Folders(context.Execution.Recipe.BasePath))}).");
            if (context.Execution.Stack.Contains(inner.Name, StringComparer.OrdinalIgnoreCase) || inner.Name.Equals(context.Execution.Recipe.Name, StringComparison.OrdinalIgnoreCase))
            {
                throw context.Fail(path, $"The recipe '{name}' includes itself.");
            }
            // Resolved here: the executor is built from the list of steps this step belongs to.
            var executor = context.Execution.Services.GetRequiredService<RecipeExecutor>();
            await executor.RunStepsAsync(context.Execution.Nested(inner), CancellationToken.None);
        }
    }
}
