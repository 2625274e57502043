using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Settings;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// custom-settings: each property is a content type with the CustomSettings stereotype, its value an item-shaped
/// object kept in the site settings under the type's name.
/// </summary>
public sealed class CustomSettingsStep(SiteSettingsStore settings, ContentDefinitionStore definitions) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["custom-settings"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var site = await settings.GetAsync();
        var defs = await definitions.GetAsync();
        foreach (var (key, value) in context.Step.Where(p => !p.Key.Equals("name", StringComparison.OrdinalIgnoreCase)))
        {
            if (value is not JsonObject section)
            {
                throw context.Fail(key, "A custom settings value must be an object shaped like a content item.");
            }
            var type = defs.Type(key);
            if (type is null)
            {
                throw context.Fail(key, $"The content type '{key}' does not exist; custom settings need a type with the CustomSettings stereotype.");
            }
            if (!string.Equals(type.TypeSettings.Stereotype, "CustomSettings", StringComparison.OrdinalIgnoreCase))
            {
                throw context.Fail(key, $"The content type '{key}' does not have the CustomSettings stereotype.");
            }
            var copy = (JsonObject)section.DeepClone();
            copy["ContentType"] = type.Name;
            site[type.Name] = copy;
        }
        await settings.SaveAsync(site);
    }
}
