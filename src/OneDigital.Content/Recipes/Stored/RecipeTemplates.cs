using System.Text.Json.Nodes;
using OneDigital.Content.Items;

namespace OneDigital.Content.Recipes.Stored;

/// <summary>
/// Orchard's <c>Templates</c> step (<c>"Templates": { "Content__BlogPost": { "Content": "liquid", "Description": "" } }</c>)
/// as overrides of the readers' site's theme templates. The step is kept as given (exported back unchanged); the
/// templates whose shape names map onto the theme's (<see cref="ThemeName"/>) override its files of that name.
/// </summary>
public sealed class RecipeTemplates(StoredRecipeSteps steps)
{
    public const string StepName = "Templates";

    /// <summary>
    /// The theme template an Orchard shape name overrides, or null when it has none: <c>Content</c> and
    /// <c>Content_Detail</c> → <c>Content</c>; <c>Content__{Type}</c> and <c>Content_Detail__{Type}</c> →
    /// <c>Content-{Type}</c>; <c>Content_{Display}</c> → <c>Content-{Display}</c>; <c>Content_{Display}__{Type}</c> →
    /// <c>Content-{Type}-{Display}</c>. Part, field, widget, zone and id alternates (<c>TitlePart</c>,
    /// <c>Widget__Hero</c>, <c>Content__Alias__about</c>...) have no theme template.
    /// </summary>
    public static string? ThemeName(string shape)
    {
        var typeSplit = shape.Split("__");
        if (typeSplit.Length > 2 || !IsName(typeSplit[0].Replace("_", ""))) return null;
        var head = typeSplit[0].Split('_');
        if (head[0] != "Content" || head.Length > 2) return null;
        var display = head.Length == 2 && head[1] != "Detail" ? head[1] : null;
        if (display is not null && !IsName(display)) return null;
        if (typeSplit.Length == 1) return display is null ? "Content" : $"Content-{display}";
        var type = typeSplit[1];
        if (!IsName(type)) return null;
        return display is null ? $"Content-{type}" : $"Content-{type}-{display}";
    }

    /// <summary>The overriding templates' sources by theme name (a later step wins) and a stamp that changes with them.</summary>
    public async Task<(IReadOnlyDictionary<string, string> Sources, long Stamp)> ReadAsync(CancellationToken ct = default)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var stamp = new HashCode();
        foreach (var step in await steps.GetAsync(StepName, ct))
        {
            foreach (var (shape, template) in JsonValues.Property(step, StepName) as JsonObject ?? [])
            {
                if (ThemeName(shape) is { } name && template is JsonObject t && JsonValues.Property(t, "Content") is JsonValue v && v.TryGetValue(out string? source))
                {
                    sources[name] = source;
                    stamp.Add(name, StringComparer.Ordinal);
                    stamp.Add(source, StringComparer.Ordinal);
                }
            }
        }
        return (sources, stamp.ToHashCode());
    }

    private static bool IsName(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c));
}
