using OneDigital.Content.Settings;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>Every property but <c>name</c> is a site setting or settings section; sections merge into what is there.</summary>
public sealed class SettingsStep(SiteSettingsStore settings) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["settings"];

    public Task ExecuteAsync(RecipeStepContext context) =>
        settings.MergeAsync(context.Step.Where(p => !p.Key.Equals("name", StringComparison.OrdinalIgnoreCase)));
}
