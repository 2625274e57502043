namespace OneDigital.Content.Recipes;

/// <summary>A recipe that could not be imported, with the step (number and name) and the JSON path at fault.</summary>
public sealed class RecipeException(string recipe, int stepNumber, string stepName, string jsonPath, string message, Exception? inner = null)
    : Exception($"Recipe '{recipe}' failed at step {stepNumber} ({stepName}), {jsonPath}: {message}", inner)
{
    public string Recipe { get; } = recipe;
    public int StepNumber { get; } = stepNumber;
    public string StepName { get; } = stepName;
    public string JsonPath { get; } = jsonPath;
    public string Reason { get; } = message;
}
