using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneDigital.Content.Indexing;

/// <summary>
/// A search index definition in Orchard 3's shape (CreateOrUpdateIndexProfile). Older recipes' lucene-index
/// steps are mapped onto it. Stored now; the search feature builds and queries the indexes.
/// </summary>
public sealed class IndexProfile
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string IndexName { get; set; } = "";
    public string ProviderName { get; set; } = "Lucene";
    public string Type { get; set; } = "Content";
    public JsonObject Properties { get; set; } = [];

    public ContentIndexMetadata Content =>
        Properties["ContentIndexMetadata"]?.Deserialize<ContentIndexMetadata>(Items.ContentJson.Compact) ?? new();

    public LuceneIndexMetadata Lucene =>
        Properties["LuceneIndexMetadata"]?.Deserialize<LuceneIndexMetadata>(Items.ContentJson.Compact) ?? new();
}

public sealed class ContentIndexMetadata
{
    public bool IndexLatest { get; set; }
    public string[] IndexedContentTypes { get; set; } = [];
    public string Culture { get; set; } = "any";
}

public sealed class LuceneIndexMetadata
{
    public string AnalyzerName { get; set; } = "standardanalyzer";
    public bool StoreSourceData { get; set; }
}

/// <summary>The index profiles, and the reset/rebuild requests recipes made that the search feature has yet to carry out.</summary>
public sealed class IndexProfilesDocument
{
    public List<IndexProfile> Profiles { get; set; } = [];
    public List<IndexAction> PendingActions { get; set; } = [];

    public IndexProfile? Find(string name) =>
        Profiles.Find(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? Profiles.Find(p => string.Equals(p.IndexName, name, StringComparison.OrdinalIgnoreCase));
}

public sealed record IndexAction(string IndexName, string Action, DateTime RequestedUtc);
