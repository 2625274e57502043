using System.Text.Json.Nodes;
using OneDigital.Content.Store;

namespace OneDigital.Content.Settings;

/// <summary>
/// Site settings as Orchard keeps them: well-known properties (SiteName, HomeRoute, ...) and named sections
/// (LuceneSettings, custom settings) in one JSON document.
/// </summary>
public sealed class SiteSettingsStore(DocumentStore documents)
{
    public const string DocumentName = "SiteSettings";

    public async Task<JsonObject> GetAsync(CancellationToken ct = default) =>
        await documents.GetJsonAsync(DocumentName, ct);

    public async Task SaveAsync(JsonObject settings, CancellationToken ct = default) =>
        await documents.SaveAsync(DocumentName, settings, ct);
}
