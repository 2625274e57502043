using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes;

/// <summary>
/// A read recipe: its header, where each of its steps lies in its bytes (<see cref="RecipeStepSource"/>), and the
/// folder its relative paths start from. Only the header is parsed up front; each step is parsed when it runs, and a
/// content step's items one at a time, so a recipe of any size imports in bounded memory.
/// </summary>
public sealed class RecipeDescriptor
{
    public required string Name { get; init; }
    public string? DisplayName { get; init; }
    public bool IsSetupRecipe { get; init; }

    /// <summary>The recipe's top-level properties other than its steps (name, variables, ...).</summary>
    public required JsonObject Header { get; init; }

    public required IReadOnlyList<RecipeStepSource> Steps { get; init; }
    public required RecipeBytes Bytes { get; init; }
    public required string BasePath { get; init; }
    public string? FilePath { get; init; }

    /// <summary>How many content items the recipe's own content steps hold (not those of recipes it includes): the total a progress display counts towards.</summary>
    public int ContentItemCount() => Steps
        .Where(s => string.Equals(s.Name, "content", StringComparison.OrdinalIgnoreCase))
        .Sum(s => s.ArrayCount("Data"));

    public static RecipeDescriptor Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new RecipeException(Path.GetFileName(path), 0, "(file)", "$", $"The recipe file '{full}' does not exist.");
        }
        return Read(RecipeBytes.FromFile(full), Path.GetDirectoryName(full)!, full);
    }

    /// <summary>Parses recipe text; invalid JSON is reported with its line, position and JSON path.</summary>
    public static RecipeDescriptor Parse(string json, string basePath, string? filePath = null) =>
        Read(RecipeBytes.FromMemory(Encoding.UTF8.GetBytes(json)), basePath, filePath);

    private static RecipeDescriptor Read(RecipeBytes bytes, string basePath, string? filePath)
    {
        var fileName = filePath is null ? "(recipe)" : Path.GetFileName(filePath);
        RecipeOutline outline;
        JsonObject header;
        try
        {
            using (var stream = bytes.OpenStream())
            {
                outline = RecipeOutline.Read(stream);
            }
            using var reader = bytes.Open();
            header = [];
            foreach (var (name, range) in outline.Header)
            {
                header[name] = RecipeStepSource.Parse(reader, range);
            }
        }
        catch (JsonException ex)
        {
            throw new RecipeException(fileName, 0, "(parse)", ex.Path ?? "$",
                $"The recipe is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}): {ex.Message}", ex);
        }
        if (!outline.IsObject)
        {
            throw new RecipeException(fileName, 0, "(parse)", "$", "A recipe must be a JSON object with a 'steps' array.");
        }
        if (outline.Steps is not { } steps)
        {
            throw new RecipeException(fileName, 0, "(parse)", "$.steps", "A recipe must have a 'steps' array.");
        }
        return new RecipeDescriptor
        {
            Name = header["name"]?.GetValue<string>() is { Length: > 0 } n ? n : Path.GetFileNameWithoutExtension(fileName),
            DisplayName = header["displayName"]?.GetValue<string>(),
            IsSetupRecipe = header["issetuprecipe"] is JsonValue v && v.TryGetValue(out bool b) && b,
            Header = header,
            Steps = steps,
            Bytes = bytes,
            BasePath = basePath,
            FilePath = filePath,
        };
    }
}
