namespace OneDigital.Content.Indexing;

/// <summary>The index profiles, and the reset/rebuild requests recipes made that the search feature has yet to carry out.</summary>
public sealed class IndexProfilesDocument
{
    public const string DocumentName = "IndexProfiles";

    /// <summary>The analyzer names a profile may use, as Orchard spells them (search maps each to a Lucene analyzer).</summary>
    public static readonly IReadOnlyList<string> Analyzers =
        ["standardanalyzer", "standard", "keywordanalyzer", "keyword", "whitespaceanalyzer", "simpleanalyzer", "englishanalyzer", "english"];

    public List<IndexProfile> Profiles { get; set; } = [];
    public List<IndexAction> PendingActions { get; set; } = [];

    public IndexProfile? Find(string name) =>
        Profiles.Find(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? Profiles.Find(p => string.Equals(p.IndexName, name, StringComparison.OrdinalIgnoreCase));
}
