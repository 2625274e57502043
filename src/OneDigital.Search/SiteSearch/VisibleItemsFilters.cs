// Why: every site search is limited to published items of the types the reader may view. As a query that clause is
// a disjunction over every content type, advanced on every candidate hit of every search; as a filter cached per index
// segment it is a bit set built once per segment, and a search only reads it. A plain bit set (rather than Lucene's
// default compressed one) can be asked "is this document in?" directly, which lets a search score its words the
// fast way (Lucene's out-of-order scorer of a disjunction) and test each hit against the bits. The set of types
// differs by reader permissions only (all anonymous readers share one), so there are few of them.
using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using OneDigital.Search.Documents;

namespace OneDigital.Search.SiteSearch;

/// <summary>"Published and of one of these types" as cached Lucene filters, one per set of types; singleton.</summary>
public sealed class VisibleItemsFilters
{
    /// <summary>More sets than this means something unusual (many custom roles); start again rather than grow.</summary>
    private const int MaxSets = 64;

    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    /// <summary>
    /// The filter for <paramref name="types"/>. <see cref="CachingWrapperFilter"/> keys its bit sets on each segment's
    /// core and applies the segment's current deletions on every use, so an item re-indexed after a publish or an
    /// unpublish (its old document deleted, the new one in a new segment) is seen as it is now.
    /// </summary>
    public Filter For(IReadOnlyCollection<string> types)
    {
        var key = string.Join('\n', types.Order(StringComparer.Ordinal));
        if (_filters.TryGetValue(key, out var cached))
        {
            return cached;
        }
        if (_filters.Count >= MaxSets)
        {
            _filters.Clear();
        }
        var visible = new BooleanQuery();
        foreach (var type in types)
        {
            visible.Add(new TermQuery(new Term(IndexFieldNames.ContentType, type)), Occur.SHOULD);
        }
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFieldNames.Published, "true")), Occur.MUST },
            { visible, Occur.MUST },
        };
        return _filters.GetOrAdd(key, _ => new BitSetCache(new QueryWrapperFilter(query)));
    }

    /// <summary>Caches each segment's documents as a <see cref="FixedBitSet"/>, which answers random access.</summary>
    private sealed class BitSetCache(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }
}
