using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace OneDigital.Search.SiteSearch;

/// <summary>Counts every hit's content type and topic terms while the searcher collects the page.</summary>
internal sealed class FacetCollector(string typeField, IReadOnlyList<string> topicFields) : ICollector
{
    private readonly BytesRef _term = new();
    private SortedDocValues? _types;
    private SortedSetDocValues?[] _topics = [];

    public Dictionary<string, int> Types { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Topics { get; } = new(StringComparer.Ordinal);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        // Uninverted from the indexed terms (the index writes keyword fields without doc values).
        _types = FieldCache.DEFAULT.GetTermsIndex(context.AtomicReader, typeField);
        _topics = [.. topicFields.Select(f => context.AtomicReader.FieldInfos.FieldInfo(f) is null ? null : FieldCache.DEFAULT.GetDocTermOrds(context.AtomicReader, f))];
    }

    public void Collect(int doc)
    {
        var ord = _types!.GetOrd(doc);
        if (ord >= 0)
        {
            _types.LookupOrd(ord, _term);
            Increment(Types, _term.Utf8ToString());
        }
        foreach (var topics in _topics)
        {
            if (topics is null) continue;
            topics.SetDocument(doc);
            for (var o = topics.NextOrd(); o != SortedSetDocValues.NO_MORE_ORDS; o = topics.NextOrd())
            {
                topics.LookupOrd(o, _term);
                Increment(Topics, _term.Utf8ToString());
            }
        }
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
