using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace OneDigital.Search.Indexes;

/// <summary>
/// The analyzers a profile can name (Orchard's registered names and their short forms). <c>englishanalyzer</c>
/// stems, so "volunteering" finds "volunteers" (Lucene's EnglishAnalyzer with each thread's stems cached).
/// </summary>
public static class LuceneAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static string CanonicalName(string? name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "standard" or "standardanalyzer" => "standardanalyzer",
        "english" or "englishanalyzer" => "englishanalyzer",
        "keyword" or "keywordanalyzer" => "keywordanalyzer",
        "whitespace" or "whitespaceanalyzer" => "whitespaceanalyzer",
        "simple" or "simpleanalyzer" => "simpleanalyzer",
        var other => throw new ArgumentException($"'{name}' is not a known analyzer (standardanalyzer, englishanalyzer, keywordanalyzer, whitespaceanalyzer, simpleanalyzer).", nameof(name)),
    };

    /// <summary>A new analyzer for the name; analyzers hold per-thread state, so each index or query parser owns one.</summary>
    public static Analyzer Create(string? name) => CanonicalName(name) switch
    {
        "englishanalyzer" => new CachedStemEnglishAnalyzer(Version),
        "keywordanalyzer" => new KeywordAnalyzer(),
        "whitespaceanalyzer" => new WhitespaceAnalyzer(Version),
        "simpleanalyzer" => new SimpleAnalyzer(Version),
        _ => new StandardAnalyzer(Version),
    };
}
