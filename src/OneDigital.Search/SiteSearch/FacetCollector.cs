using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace OneDigital.Search.SiteSearch;

/// <summary>
/// Counts every hit's content type and topic terms while the searcher collects the page. A hit only adds one to its
/// terms' ordinals; the ordinals are turned into terms once per segment (<see cref="Finish"/> for the last), since
/// looking a term up is far dearer than counting and a broad search collects most of the index.
/// </summary>
internal sealed class FacetCollector(string typeField, IReadOnlyList<string> topicFields) : ICollector
{
    private readonly BytesRef _term = new();
    private SortedDocValues? _types;
    private int[] _typeCounts = [];
    private SortedSetDocValues?[] _topics = [];
    private int[][] _topicCounts = [];

    public Dictionary<string, int> Types { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Topics { get; } = new(StringComparer.Ordinal);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Finish();
        // Uninverted from the indexed terms (the index writes keyword fields without doc values).
        _types = FieldCache.DEFAULT.GetTermsIndex(context.AtomicReader, typeField);
        _typeCounts = new int[_types.ValueCount];
        _topics = [.. topicFields.Select(f => context.AtomicReader.FieldInfos.FieldInfo(f) is null ? null : FieldCache.DEFAULT.GetDocTermOrds(context.AtomicReader, f))];
        _topicCounts = [.. _topics.Select(t => new int[t is null ? 0 : checked((int)t.ValueCount)])];
    }

    public void Collect(int doc)
    {
        var ord = _types!.GetOrd(doc);
        if (ord >= 0)
        {
            _typeCounts[ord]++;
        }
        for (var i = 0; i < _topics.Length; i++)
        {
            if (_topics[i] is not { } topics) continue;
            topics.SetDocument(doc);
            for (var o = topics.NextOrd(); o != SortedSetDocValues.NO_MORE_ORDS; o = topics.NextOrd())
            {
                _topicCounts[i][o]++;
            }
        }
    }

    /// <summary>Adds the current segment's counts to <see cref="Types"/> and <see cref="Topics"/>; call once collecting ends.</summary>
    public void Finish()
    {
        if (_types is not null)
        {
            for (var ord = 0; ord < _typeCounts.Length; ord++)
            {
                if (_typeCounts[ord] == 0) continue;
                _types.LookupOrd(ord, _term);
                Add(Types, _term.Utf8ToString(), _typeCounts[ord]);
            }
        }
        for (var i = 0; i < _topics.Length; i++)
        {
            if (_topics[i] is not { } topics) continue;
            for (var ord = 0; ord < _topicCounts[i].Length; ord++)
            {
                if (_topicCounts[i][ord] == 0) continue;
                topics.LookupOrd(ord, _term);
                Add(Topics, _term.Utf8ToString(), _topicCounts[i][ord]);
            }
        }
        _types = null;
        _typeCounts = [];
        _topics = [];
        _topicCounts = [];
    }

    private static void Add(Dictionary<string, int> counts, string key, int count) =>
        counts[key] = counts.GetValueOrDefault(key) + count;
}
