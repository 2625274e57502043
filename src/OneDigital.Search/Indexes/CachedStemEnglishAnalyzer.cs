using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace OneDigital.Search.Indexes;

/// <summary>
/// Lucene's <see cref="EnglishAnalyzer"/> (same tokenizer, filters, stop words and Porter stemmer, so the same tokens)
/// with each thread's stems of words already seen kept: Porter stemming was a tenth of a rebuild's CPU, and most
/// words of a text have been stemmed before. EnglishAnalyzer is sealed, so its chain is built here again; a test
/// compares the two analyzers' tokens.
/// </summary>
public sealed class CachedStemEnglishAnalyzer(LuceneVersion version) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(version, reader);
        TokenStream result = new StandardFilter(version, source);
        result = new EnglishPossessiveFilter(version, result);
        result = new LowerCaseFilter(version, result);
        result = new StopFilter(version, result, EnglishAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(source, new CachedPorterStemFilter(result));
    }

    /// <summary>
    /// Porter stemming through a per-thread cache (an analyzer's components are reused by one thread at a time); a
    /// word not seen yet is stemmed by Lucene's own <see cref="PorterStemFilter"/> fed that one word.
    /// </summary>
    private sealed class CachedPorterStemFilter : TokenFilter
    {
        // Enough for the vocabulary of a site's texts; emptied when full, so memory stays bounded.
        private const int MaxWords = 20_000;

        private readonly ICharTermAttribute _term;
        private readonly IKeywordAttribute _keyword;
        private readonly Dictionary<string, char[]> _stems = new();
        private readonly Dictionary<string, char[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly OneWord _word = new();
        private readonly PorterStemFilter _stemmer;

        public CachedPorterStemFilter(TokenStream input) : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _keyword = AddAttribute<IKeywordAttribute>();
            _lookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
            _stemmer = new PorterStemFilter(_word);
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }
            if (_keyword.IsKeyword)
            {
                return true;
            }
            var word = new ReadOnlySpan<char>(_term.Buffer, 0, _term.Length);
            if (!_lookup.TryGetValue(word, out var stem))
            {
                stem = Stem();
                if (_stems.Count >= MaxWords) _stems.Clear();
                _lookup[word] = stem;
            }
            _term.CopyBuffer(stem, 0, stem.Length);
            return true;
        }

        private char[] Stem()
        {
            _word.Set(_term.Buffer, _term.Length);
            _stemmer.IncrementToken();
            return new ReadOnlySpan<char>(_word.Term.Buffer, 0, _word.Term.Length).ToArray();
        }
    }

    /// <summary>A token stream of one word, set before each read: the input of the Porter stemmer above.</summary>
    private sealed class OneWord : TokenStream
    {
        private bool _read;

        public OneWord() => Term = AddAttribute<ICharTermAttribute>();

        public ICharTermAttribute Term { get; }

        public void Set(char[] buffer, int length)
        {
            Term.CopyBuffer(buffer, 0, length);
            _read = false;
        }

        public override bool IncrementToken()
        {
            if (_read) return false;
            _read = true;
            return true;
        }
    }
}
