using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Settings;

/// <summary>
/// Site settings as Orchard keeps them: well-known properties (SiteName, HomeRoute, ...) and named sections
/// (LuceneSettings, custom settings) in one JSON document.
/// </summary>
public sealed class SiteSettingsStore(DocumentStore documents)
{
    public const string DocumentName = "SiteSettings";

    /// <summary>Watched, so every node sees an administrator's change within a second (<see cref="StoredSiteSettings"/>).</summary>
    public static readonly WatchedDocument Watched = new(DocumentName);

    public async Task<JsonObject> GetAsync(CancellationToken ct = default) =>
        await documents.GetJsonAsync(DocumentName, ct);

    public async Task SaveAsync(JsonObject settings, CancellationToken ct = default) =>
        await documents.SaveAsync(DocumentName, settings, ct);

    /// <summary>
    /// Reads, changes and saves the document in the caller's transaction, its row locked first (see
    /// <see cref="DocumentStore.UpdateAsync{T}"/>), so two administrators' saves queue instead of one losing the other's.
    /// </summary>
    public Task<int> UpdateAsync(Action<JsonObject> change, CancellationToken ct = default) =>
        documents.UpdateAsync<Dictionary<string, JsonNode?>>(DocumentName, properties =>
        {
            var site = new JsonObject(properties);
            change(site);
            properties.Clear();
            foreach (var (key, value) in site.ToList())
            {
                site.Remove(key);
                properties[key] = value;
            }
        }, ct);

    /// <summary>Sets each setting given; a section (an object) merges into the section already there, as Orchard's settings step does.</summary>
    public async Task MergeAsync(IEnumerable<KeyValuePair<string, JsonNode?>> values, CancellationToken ct = default)
    {
        var site = await GetAsync(ct);
        foreach (var (key, value) in values)
        {
            if (value is JsonObject section && site[key] is JsonObject existing)
            {
                JsonValues.Merge(existing, section);
            }
            else
            {
                site[key] = value?.DeepClone();
            }
        }
        await SaveAsync(site, ct);
    }
}
