using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes;

/// <summary>A parsed recipe file: its header, its raw steps, and the folder its relative paths start from.</summary>
public sealed class RecipeDescriptor
{
    public required string Name { get; init; }
    public string? DisplayName { get; init; }
    public bool IsSetupRecipe { get; init; }
    public required JsonObject Root { get; init; }
    public required string BasePath { get; init; }
    public string? FilePath { get; init; }

    public JsonArray Steps => Root["steps"] as JsonArray ?? Root["Steps"] as JsonArray ?? [];

    /// <summary>How many content items the recipe's own content steps hold (not those of recipes it includes): the total a progress display counts towards.</summary>
    public int ContentItemCount() => Steps.OfType<JsonObject>()
        .Where(s => s["name"] is JsonValue n && n.TryGetValue(out string? name) && string.Equals(name, "content", StringComparison.OrdinalIgnoreCase))
        .Sum(s => (JsonValues.Property(s, "Data") as JsonArray)?.Count ?? 0);

    public static RecipeDescriptor Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new RecipeException(Path.GetFileName(path), 0, "(file)", "$", $"The recipe file '{full}' does not exist.");
        }
        // Parsed from the file's bytes: the text of a large recipe as a string would be twice its size again in memory.
        using var stream = File.OpenRead(full);
        return Parse(() => JsonNode.Parse(stream, documentOptions: ContentJson.Document), Path.GetDirectoryName(full)!, full);
    }

    /// <summary>Parses recipe text; invalid JSON is reported with its line, position and JSON path.</summary>
    public static RecipeDescriptor Parse(string json, string basePath, string? filePath = null) =>
        Parse(() => JsonNode.Parse(json, documentOptions: ContentJson.Document), basePath, filePath);

    private static RecipeDescriptor Parse(Func<JsonNode?> parse, string basePath, string? filePath)
    {
        var fileName = filePath is null ? "(recipe)" : Path.GetFileName(filePath);
        JsonNode? node;
        try
        {
            node = parse();
        }
        catch (JsonException ex)
        {
            throw new RecipeException(fileName, 0, "(parse)", ex.Path ?? "$",
                $"The recipe is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}): {ex.Message}", ex);
        }
        if (node is not JsonObject root)
        {
            throw new RecipeException(fileName, 0, "(parse)", "$", "A recipe must be a JSON object with a 'steps' array.");
        }
        if (root["steps"] is not JsonArray && root["Steps"] is not JsonArray)
        {
            throw new RecipeException(fileName, 0, "(parse)", "$.steps", "A recipe must have a 'steps' array.");
        }
        return new RecipeDescriptor
        {
            Name = root["name"]?.GetValue<string>() is { Length: > 0 } n ? n : Path.GetFileNameWithoutExtension(fileName),
            DisplayName = root["displayName"]?.GetValue<string>(),
            IsSetupRecipe = root["issetuprecipe"] is JsonValue v && v.TryGetValue(out bool b) && b,
            Root = root,
            BasePath = basePath,
            FilePath = filePath,
        };
    }
}
