using OneDigital.Content.Definitions;
using OneDigital.Content.Store;

namespace OneDigital.Content.Features;

/// <summary>
/// The features document's one reader and writer: the recipe step enables and disables, the export writes the
/// list back. Enabling a feature that defines content types in code adds those types, as Orchard's migrations do.
/// </summary>
public sealed class EnabledFeatures(DocumentStore documents, ContentDefinitionStore definitions)
{
    /// <summary>The features recorded, or null when no recipe ever named one.</summary>
    public async Task<FeaturesDocument?> GetAsync(CancellationToken ct = default)
    {
        var (features, version) = await documents.GetAsync<FeaturesDocument>(FeaturesDocument.DocumentName, ct);
        return version > 0 ? features : null;
    }

    /// <summary>Records <paramref name="enable"/> and then <paramref name="disable"/> (a feature in both ends disabled).</summary>
    public async Task ChangeAsync(IReadOnlyCollection<string> enable, IReadOnlyCollection<string> disable, CancellationToken ct = default)
    {
        var (features, _) = await documents.GetAsync<FeaturesDocument>(FeaturesDocument.DocumentName, ct);
        features.Enabled.UnionWith(enable);
        features.Enabled.ExceptWith(disable);
        await documents.SaveAsync(FeaturesDocument.DocumentName, features, ct);
        var types = enable.SelectMany(FeatureContentTypes.For).ToList();
        if (types.Count > 0)
        {
            // Like a feature's migration: the types appear once, and a recipe may then change them.
            await definitions.AlterAsync(doc => doc.ContentTypes.AddRange(types.Where(t => doc.Type(t.Name) is null)), ct);
        }
    }
}
