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
        Properties["ContentIndexMetadata"]?.Deserialize<ContentIndexMetadata>(Store.ContentJson.Compact) ?? new();

    public LuceneIndexMetadata Lucene =>
        Properties["LuceneIndexMetadata"]?.Deserialize<LuceneIndexMetadata>(Store.ContentJson.Compact) ?? new();
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

public sealed record IndexAction(string IndexName, string Action, DateTime RequestedUtc);
