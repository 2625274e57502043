using System.Text.Json.Nodes;

namespace OneDigital.Content.Recipes;

/// <summary>
/// The item array of an <see cref="IRecipeItemStep"/> (the content step's <c>Data</c>), read from the recipe's
/// bytes one item at a time, so memory does not grow with the number of items.
/// </summary>
public sealed class RecipeItems
{
    private readonly IReadOnlyList<RecipeRange>? _ranges;
    private readonly RecipeRangeReader _bytes;

    internal RecipeItems(RecipeStepSource step, string key, RecipeRangeReader bytes)
    {
        Key = key;
        _ranges = step.Property(key)!.Elements;
        _bytes = bytes;
    }

    /// <summary>The array's name as the recipe writes it ("Data", or "data").</summary>
    public string Key { get; }

    /// <summary>False when the property is not an array (the step fails naming it).</summary>
    public bool IsArray => _ranges is not null;

    public int Count => _ranges?.Count ?? 0;

    /// <summary>Item <paramref name="index"/> as the recipe writes it, before any expression is evaluated; a new tree on every call.</summary>
    public JsonNode? Raw(int index) => RecipeStepSource.Parse(_bytes, _ranges![index]);
}
