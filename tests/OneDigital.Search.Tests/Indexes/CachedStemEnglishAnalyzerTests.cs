using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using OneDigital.Search.Indexes;

namespace OneDigital.Search.Tests.Indexes;

/// <summary>The English analyzer with cached stems gives Lucene's EnglishAnalyzer's tokens, positions and offsets.</summary>
public class CachedStemEnglishAnalyzerTests
{
    // Words met again (stemmed from the cache), possessives, stop words, upper case, numbers and e-mail-like tokens.
    private static readonly string[] Texts =
    [
        "The volunteers were volunteering; a volunteer volunteered. Volunteers' learning, the learners learned!",
        "Digital Champions help people get online: champion's training, generalization, generalizations, happy happiness.",
        "It's the café's 3.14 co-op in the U.S.A. — relational RELATIONAL conditional conditionally agreed agreement",
        "volunteering volunteering volunteering the of and running runs ran runner",
        "",
    ];

    [Test]
    public void Gives_the_same_tokens_as_the_english_analyzer_when_words_repeat()
    {
        using var lucene = new EnglishAnalyzer(LuceneAnalyzers.Version);
        using var cached = new CachedStemEnglishAnalyzer(LuceneAnalyzers.Version);
        // Twice over, so that the second pass reads every stem from the cache.
        foreach (var text in Texts.Concat(Texts))
        {
            Assert.That(Tokens(cached, text), Is.EqualTo(Tokens(lucene, text)), text);
        }
        Assert.That(Tokens(cached, Texts[0]), Has.Some.StartsWith("volunt@"), "stems the words");
    }

    [Test]
    public void The_english_analyzer_name_creates_the_cached_one()
    {
        Assert.That(LuceneAnalyzers.Create("english"), Is.InstanceOf<CachedStemEnglishAnalyzer>());
    }

    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term}@{increment.PositionIncrement}:{offset.StartOffset}-{offset.EndOffset}");
        }
        stream.End();
        tokens.Add($"end@{increment.PositionIncrement}:{offset.EndOffset}");
        return tokens;
    }
}
