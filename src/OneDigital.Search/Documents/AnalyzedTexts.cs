using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using OneDigital.Search.Indexes;

namespace OneDigital.Search.Documents;

/// <summary>
/// The texts of one document, each analyzed once, kept as terms and position increments so that the same tokens can
/// be indexed under several fields: a title is searched as DisplayText.Analyzed and as part of the full text, a body
/// as Content.BodyAspect.Body and as part of the full text. Analysis was a third of a rebuild's indexing time, half of
/// it spent analyzing the same words a second time. One instance per writing thread, cleared for every document.
/// </summary>
public sealed class AnalyzedTexts
{
    private char[] _chars = new char[8192];
    private int _charCount;
    private readonly List<Token> _tokens = [];
    private readonly List<Segment> _segments = [];

    private readonly record struct Token(int Start, int Length, int PositionIncrement);

    /// <summary>One analyzed text: its tokens, and the positions skipped after the last one (stop words at its end).</summary>
    private readonly record struct Segment(int First, int Count, int EndIncrement);

    /// <summary>
    /// Whether replaying the segments one after another gives the tokens the analyzer gives for the texts joined
    /// with new lines (how the full text was built): true for analyzers that always split at a new line and look at
    /// one token at a time. A keyword analyzer makes one token of the whole joined text, so it is analyzed as such.
    /// </summary>
    public static bool CanReplay(Analyzer analyzer) =>
        analyzer is StandardAnalyzer or EnglishAnalyzer or CachedStemEnglishAnalyzer or SimpleAnalyzer or WhitespaceAnalyzer;

    public void Clear()
    {
        _charCount = 0;
        _tokens.Clear();
        _segments.Clear();
    }

    /// <summary>Analyzes the text as the named field would be; returns the segment's number for <see cref="Replay"/>.</summary>
    public int Analyze(Analyzer analyzer, string field, string text)
    {
        var first = _tokens.Count;
        int endIncrement;
        using (var stream = analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (_charCount + term.Length > _chars.Length)
                {
                    Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
                }
                Array.Copy(term.Buffer, 0, _chars, _charCount, term.Length);
                _tokens.Add(new Token(_charCount, term.Length, increment.PositionIncrement));
                _charCount += term.Length;
            }
            stream.End();
            endIncrement = increment.PositionIncrement;
        }
        _segments.Add(new Segment(first, _tokens.Count - first, endIncrement));
        return _segments.Count - 1;
    }

    /// <summary>
    /// Plays segments back as one stream, as if their texts had been analyzed joined: positions skipped at the end of
    /// one segment are carried to the first token of the next.
    /// </summary>
    public sealed class Replay : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private readonly List<int> _segments = [];
        private AnalyzedTexts? _texts;
        private int _segment;
        private int _token;
        private int _pending;

        public Replay()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        /// <summary>Points the stream at segments of the current document (before the document is indexed).</summary>
        public Replay Of(AnalyzedTexts texts, IEnumerable<int> segments)
        {
            _texts = texts;
            _segments.Clear();
            _segments.AddRange(segments);
            return this;
        }

        public override void Reset()
        {
            base.Reset();
            _segment = 0;
            _token = 0;
            _pending = 0;
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            var texts = _texts!;
            while (_segment < _segments.Count)
            {
                var segment = texts._segments[_segments[_segment]];
                if (_token < segment.Count)
                {
                    var token = texts._tokens[segment.First + _token];
                    _token++;
                    _term.CopyBuffer(texts._chars, token.Start, token.Length);
                    _increment.PositionIncrement = token.PositionIncrement + _pending;
                    _pending = 0;
                    return true;
                }
                _pending += segment.EndIncrement;
                _segment++;
                _token = 0;
            }
            return false;
        }

        public override void End()
        {
            base.End();
            _increment.PositionIncrement = _pending;
        }
    }
}
