using System.Text.Json.Nodes;

namespace OneDigital.Content.Recipes;

/// <summary>One step being run: its evaluated JSON, where it sits in the recipe, and the import it belongs to.</summary>
public sealed class RecipeStepContext(RecipeExecution execution, JsonObject step, int number, string name)
{
    public RecipeExecution Execution { get; } = execution;

    /// <summary>The step's JSON after <c>[js: ...]</c> and <c>[file: ...]</c> expressions were evaluated.</summary>
    public JsonObject Step { get; } = step;

    /// <summary>1-based position of the step in its recipe.</summary>
    public int Number { get; } = number;

    public string Name { get; } = name;

    public ImportReport Report => Execution.Report;

    /// <summary>The JSON path of this step in the recipe file, for error messages: <c>steps[4]</c>.</summary>
    public string Path => $"{Execution.PathPrefix}steps[{Number - 1}]";

    /// <summary>A failure of this step that names the step and the JSON path of the offending value.</summary>
    public RecipeException Fail(string relativePath, string message, Exception? inner = null) =>
        new(Execution.RecipeName, Number, Name, string.IsNullOrEmpty(relativePath) ? Path : $"{Path}.{relativePath}", message, inner);

    public void Warn(string message) => Report.Warn($"step {Number} ({Name}): {message}");
}
