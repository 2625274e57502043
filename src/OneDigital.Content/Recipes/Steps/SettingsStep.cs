using OneDigital.Content.Settings;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>Every property but <c>name</c> is a site setting or settings section; sections merge into what is there.</summary>
public sealed class SettingsStep(SiteSettingsStore settings) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["settings"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var site = await settings.GetAsync();
        foreach (var (key, value) in context.Step.Where(p => !p.Key.Equals("name", StringComparison.OrdinalIgnoreCase)))
        {
            if (value is System.Text.Json.Nodes.JsonObject section && site[key] is System.Text.Json.Nodes.JsonObject existing)
            {
                ContentDefinitionStep.Merge(existing, section);
            }
            else
            {
                site[key] = value?.DeepClone();
            }
        }
        await settings.SaveAsync(site);
    }
}
