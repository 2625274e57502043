using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Features;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// Records the features a recipe enables or disables. Features this CMS provides are always on; the rest
/// (admin themes, widgets, workflows...) are recorded and listed in the import report as not implemented.
/// </summary>
public sealed class FeatureStep(DocumentStore documents, ContentDefinitionStore definitions) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["feature"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var enable = context.Names("enable");
        var disable = context.Names("disable");
        var (features, _) = await documents.GetAsync<FeaturesDocument>(FeaturesDocument.DocumentName);
        features.Enabled.UnionWith(enable);
        features.Enabled.ExceptWith(disable);
        await documents.SaveAsync(FeaturesDocument.DocumentName, features);
        var types = enable.SelectMany(FeatureContentTypes.For).ToList();
        if (types.Count > 0)
        {
            // Like a feature's migration: the types appear once, and a recipe may then change them.
            await definitions.AlterAsync(doc => doc.ContentTypes.AddRange(types.Where(t => doc.Type(t.Name) is null)));
        }
        foreach (var id in enable.Where(id => !FeaturesDocument.Implemented.Contains(id) && !context.Report.FeaturesNotImplemented.Contains(id)))
        {
            context.Report.FeaturesNotImplemented.Add(id);
        }
    }
}
