using OneDigital.Content.Indexing;

namespace OneDigital.Search.Indexes;

/// <summary>What an index profile asks of a node's index, resolved once: which items, which version, which analyzer.</summary>
public sealed record IndexProfileSettings(
    string IndexName,
    string AnalyzerName,
    IReadOnlySet<string> ContentTypes,
    bool IndexLatest,
    string? Culture,
    bool StoreSourceData)
{
    /// <summary>Bumped when documents change shape, so that every node rebuilds its indexes once.</summary>
    public const int MappingVersion = 1;

    public static IndexProfileSettings From(IndexProfile profile)
    {
        var content = profile.Content;
        var lucene = profile.Lucene;
        var culture = string.IsNullOrWhiteSpace(content.Culture) || content.Culture.Equals("any", StringComparison.OrdinalIgnoreCase) ? null : content.Culture;
        return new IndexProfileSettings(
            profile.IndexName,
            LuceneAnalyzers.CanonicalName(lucene.AnalyzerName),
            new HashSet<string>(content.IndexedContentTypes, StringComparer.OrdinalIgnoreCase),
            content.IndexLatest,
            culture,
            lucene.StoreSourceData);
    }

    /// <summary>Everything that changes the documents: when it differs from the one an index was built with, it is rebuilt.</summary>
    public string Signature =>
        $"v{MappingVersion};{AnalyzerName};{(IndexLatest ? "latest" : "published")};{Culture ?? "any"};{(StoreSourceData ? "source" : "nosource")};{string.Join(",", ContentTypes.Order(StringComparer.OrdinalIgnoreCase))}";
}
