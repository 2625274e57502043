using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes;

/// <summary>
/// Where one step lies in the recipe's bytes: the step, and each of its properties (each element of an array
/// property too), so the step is parsed only when it runs and a large item array one item at a time.
/// </summary>
public sealed class RecipeStepSource
{
    internal RecipeStepSource(RecipeRange range, bool isObject)
    {
        Range = range;
        IsObject = isObject;
    }

    public RecipeRange Range { get; internal set; }

    /// <summary>Whether the step is a JSON object (anything else fails when it runs).</summary>
    public bool IsObject { get; }

    /// <summary>The step's <c>name</c> when it is a string.</summary>
    public string? Name { get; internal set; }

    internal List<RecipeStepProperty> Properties { get; } = [];

    /// <summary>
    /// The property's name as the recipe writes it: the exact name, else the first that differs only in case (as
    /// Orchard reads names).
    /// </summary>
    public string? PropertyName(string name) =>
        Properties.FirstOrDefault(p => p.Name == name)?.Name
        ?? Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Name;

    /// <summary>How many elements the array property holds (0 when absent or not an array).</summary>
    public int ArrayCount(string name) => Property(name)?.Elements?.Count ?? 0;

    internal RecipeStepProperty? Property(string name) =>
        PropertyName(name) is { } key ? Properties.First(p => p.Name == key) : null;

    /// <summary>The step as a JSON object, without the property <paramref name="except"/> (an item array read item by item).</summary>
    internal JsonObject Read(RecipeRangeReader reader, string? except)
    {
        var step = new JsonObject();
        foreach (var property in Properties)
        {
            if (property.Name != except)
            {
                step[property.Name] = Parse(reader, property.Value);
            }
        }
        return step;
    }

    internal static JsonNode? Parse(RecipeRangeReader reader, RecipeRange range) =>
        JsonNode.Parse(reader.Read(range), documentOptions: ContentJson.Document);
}

/// <summary>One property of a step: its value's range, and each element's when the value is an array.</summary>
internal sealed class RecipeStepProperty(string name, long start)
{
    public string Name { get; } = name;

    public RecipeRange Value { get; set; } = new(start, start);

    public List<RecipeRange>? Elements { get; set; }
}
