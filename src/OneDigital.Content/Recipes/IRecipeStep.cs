namespace OneDigital.Content.Recipes;

/// <summary>
/// Handles the recipe steps with the given names (compared ignoring case, as Orchard does). Steps run in order inside
/// the import's one transaction; a step that throws stops the import and nothing it or earlier steps wrote is kept.
/// </summary>
public interface IRecipeStep
{
    IReadOnlyCollection<string> Names { get; }

    Task ExecuteAsync(RecipeStepContext context);
}
