using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Items;

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

    /// <summary>The import's script engine, for a step that evaluates its items one at a time (<see cref="IRecipeItemStep"/>).</summary>
    public RecipeScripts? Scripts { get; init; }

    /// <summary>The items of an <see cref="IRecipeItemStep"/>, left out of <see cref="Step"/> to be read one at a time; null when the step has none.</summary>
    public RecipeItems? Items { get; init; }

    /// <summary>How many items the step's item array holds: read each evaluated with <see cref="ItemAt"/>.</summary>
    public int ItemCount(string property)
    {
        if (Items is null)
        {
            return Array(property).Count;
        }
        return Items.IsArray ? Items.Count : throw Fail(Items.Key, $"'{Items.Key}' must be an array.");
    }

    /// <summary>
    /// A copy of item <paramref name="index"/> with its expressions evaluated and the import's id map applied (the
    /// item of <see cref="Step"/> when the step was not given its items to read one at a time).
    /// </summary>
    public JsonNode? ItemAt(string property, int index)
    {
        if (Items is null || Scripts is null)
        {
            return Array(property)[index];
        }
        var item = Items.Raw(index);
        try
        {
            Scripts.EvaluateTree(item, $"{Path}.{Items.Key}[{index}]");
        }
        catch (ScriptException ex)
        {
            throw new RecipeException(Execution.RecipeName, Number, Name, ex.JsonPath, ex.Message, ex);
        }
        RecipeExecutor.ApplyIdMap(item, Execution.IdMap);
        return item;
    }

    /// <summary>Item <paramref name="index"/> as the recipe writes it, before expressions are evaluated (what stays the same between runs).</summary>
    public JsonNode? RawItemAt(string property, int index) => Items is null ? Array(property)[index] : Items.Raw(index);

    /// <summary>The JSON path of this step in the recipe file, for error messages: <c>steps[4]</c>.</summary>
    public string Path => $"{Execution.PathPrefix}steps[{Number - 1}]";

    /// <summary>A failure of this step that names the step and the JSON path of the offending value.</summary>
    public RecipeException Fail(string relativePath, string message, Exception? inner = null) =>
        new(Execution.RecipeName, Number, Name, string.IsNullOrEmpty(relativePath) ? Path : $"{Path}.{relativePath}", message, inner);

    public void Warn(string message) => Report.Warn($"step {Number} ({Name}): {message}");

    /// <summary>A warning about one value of the step, naming its JSON path in the recipe.</summary>
    public void WarnAt(string relativePath, string message) => Warn($"{Path}.{relativePath}: {message}");

    /// <summary>A property of the step, its name compared ignoring case as Orchard's deserialisation does.</summary>
    public JsonNode? Get(string property) => Get(Step, property);

    public static JsonNode? Get(JsonObject obj, string property) => JsonValues.Property(obj, property);

    /// <summary>An array property; absent is empty, anything else than an array fails the step.</summary>
    public JsonArray Array(string property)
    {
        var node = Get(property);
        return node switch
        {
            null => [],
            JsonArray array => array,
            _ => throw Fail(property, $"'{property}' must be an array."),
        };
    }

    /// <summary>
    /// An array of names (feature ids, type names, index names) in the step or in an object inside it; absent is
    /// empty. Orchard exports write plain strings; objects with a <c>Name</c> are accepted too.
    /// </summary>
    public List<string> Names(string property, JsonObject? within = null, string? path = null)
    {
        var prefix = string.IsNullOrEmpty(path) ? property : $"{path}.{property}";
        var node = Get(within ?? Step, property);
        if (node is null) return [];
        if (node is not JsonArray array) throw Fail(prefix, $"'{property}' must be an array of names.");
        var names = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var name = array[i] switch
            {
                JsonValue v when v.TryGetValue(out string? s) => s,
                JsonObject o when Get(o, "Name") is JsonValue n && n.TryGetValue(out string? s) => s,
                _ => null,
            };
            names.Add(string.IsNullOrWhiteSpace(name) ? throw Fail($"{prefix}[{i}]", "Expected a non-empty name.") : name);
        }
        return names;
    }

    /// <summary>Reads a value into a typed object, failing the step with the JSON path when the shape is wrong.</summary>
    public T Read<T>(JsonNode? node, string relativePath) where T : new()
    {
        try
        {
            return node is null ? new T() : node.Deserialize<T>(Store.ContentJson.Compact) ?? new T();
        }
        catch (JsonException ex)
        {
            var inner = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : ex.Path[1..];
            throw Fail(relativePath + inner, $"the value has the wrong shape: {ex.Message}", ex);
        }
    }
}
