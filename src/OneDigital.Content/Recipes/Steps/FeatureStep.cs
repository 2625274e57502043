using OneDigital.Content.Features;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// Records the features a recipe enables or disables (<see cref="EnabledFeatures"/>). Features this CMS provides are
/// always on; the rest (admin themes, widgets, workflows...) are recorded and listed in the import report as not implemented.
/// </summary>
public sealed class FeatureStep(EnabledFeatures features) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["feature"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var enable = context.Names("enable");
        var disable = context.Names("disable");
        await features.ChangeAsync(enable, disable);
        foreach (var id in enable.Where(id => !FeaturesDocument.Implemented.Contains(id) && !context.Report.FeaturesNotImplemented.Contains(id)))
        {
            context.Report.FeaturesNotImplemented.Add(id);
        }
    }
}
