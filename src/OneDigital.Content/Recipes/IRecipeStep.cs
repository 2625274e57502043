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

/// <summary>
/// A step whose items (<see cref="ItemsProperty"/>, e.g. the content step's <c>Data</c>) it evaluates one at a time
/// (<see cref="RecipeStepContext.ItemAt"/>), so an import of many items never holds an evaluated copy of all of them.
/// </summary>
public interface IRecipeItemStep : IRecipeStep
{
    string ItemsProperty { get; }
}
