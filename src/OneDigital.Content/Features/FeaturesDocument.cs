using OneDigital.Content.Store;

namespace OneDigital.Content.Features;

/// <summary>
/// The Orchard features recipes enabled. Those this CMS provides are always on; the rest (admin themes, widgets,
/// workflows...) are only recorded, so an export carries them on and the import report can name them.
/// </summary>
public sealed class FeaturesDocument
{
    public const string DocumentName = "Features";

    /// <summary>Orchard feature ids whose behaviour this CMS provides (Lucene under both of its names).</summary>
    public static readonly IReadOnlySet<string> Implemented = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "OrchardCore.Contents", "OrchardCore.ContentTypes", "OrchardCore.ContentFields", "OrchardCore.Title",
        "OrchardCore.Autoroute", "OrchardCore.Alias", "OrchardCore.Html", "OrchardCore.Markdown", "OrchardCore.Lists",
        "OrchardCore.Taxonomies", "OrchardCore.Media", "OrchardCore.Queries", "OrchardCore.Roles", "OrchardCore.Users",
        "OrchardCore.Settings", "OrchardCore.Recipes", "OrchardCore.CustomSettings", "OrchardCore.Features",
        "OrchardCore.Deployment", "OrchardCore.Setup", "OrchardCore.Security", "OrchardCore.Menu",
    };

    public HashSet<string> Enabled { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
