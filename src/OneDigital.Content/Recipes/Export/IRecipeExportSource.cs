using System.Text.Json;

namespace OneDigital.Content.Recipes.Export;

/// <summary>
/// Contributes steps to an export. Sources run in registration order inside one read transaction, so a step that
/// later steps depend on (the content definitions before the content) must be registered first.
/// </summary>
public interface IRecipeExportSource
{
    /// <summary>What it exports, as a selection names it (<see cref="RecipeExportSelection"/>): <c>roles</c>, <c>content</c>...</summary>
    string Kind { get; }

    /// <summary>Writes zero or more step objects into the recipe's open <c>steps</c> array.</summary>
    Task WriteStepsAsync(Utf8JsonWriter writer, CancellationToken ct);
}
