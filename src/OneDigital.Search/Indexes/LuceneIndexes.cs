using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using OneDigital.Content.Store;

namespace OneDigital.Search.Indexes;

/// <summary>
/// This node's open indexes, by index name, under <c>{OneDigital:DataDir}/Lucene/{IndexName}</c>. Opening and
/// closing are done by the indexer; searches read whatever is open.
/// </summary>
public sealed class LuceneIndexes(StoreOptions store, SearchOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _open = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The folder holding every index of this node.</summary>
    public string Root { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(store.DataDir, "Lucene"));

    public string PathOf(string indexName) => System.IO.Path.Combine(Root, indexName);

    public IReadOnlyCollection<string> OpenNames => _open.Keys.ToList();

    public LuceneIndex? Find(string indexName) => _open.TryGetValue(indexName, out var entry) ? entry.Index : null;

    /// <summary>The analyzer documents of the index are written with (and queries on its text fields should use).</summary>
    public Analyzer? AnalyzerOf(string indexName) => _open.TryGetValue(indexName, out var entry) ? entry.Analyzer : null;

    public IndexProfileSettings? SettingsOf(string indexName) => _open.TryGetValue(indexName, out var entry) ? entry.Settings : null;

    /// <summary>The open index for the profile, opened (or created empty) if needed; its analyzer follows the profile.</summary>
    internal LuceneIndex Open(IndexProfileSettings settings)
    {
        if (_open.TryGetValue(settings.IndexName, out var entry))
        {
            if (entry.Settings.AnalyzerName != settings.AnalyzerName)
            {
                entry = entry with { Analyzer = LuceneAnalyzers.Create(settings.AnalyzerName) };
            }
            _open[settings.IndexName] = entry with { Settings = settings };
            return entry.Index;
        }
        var analyzer = LuceneAnalyzers.Create(settings.AnalyzerName);
        var index = LuceneIndex.Open(settings.IndexName, PathOf(settings.IndexName), analyzer, options.RamBufferMB);
        _open[settings.IndexName] = new Entry(index, analyzer, settings);
        return index;
    }

    /// <summary>Closes an index; with <paramref name="discard"/> its uncommitted changes are thrown away.</summary>
    internal void Close(string indexName, bool discard = false)
    {
        if (_open.TryRemove(indexName, out var entry))
        {
            if (discard) entry.Index.Abandon();
            else entry.Index.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var name in _open.Keys.ToList())
        {
            Close(name);
        }
    }

    private sealed record Entry(LuceneIndex Index, Analyzer Analyzer, IndexProfileSettings Settings);
}
