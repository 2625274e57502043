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
    private readonly ConcurrentDictionary<string, string> _problems = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The folder holding every index of this node.</summary>
    public string Root { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(store.DataDir, "Lucene"));

    public string PathOf(string indexName) => System.IO.Path.Combine(Root, indexName);

    public IReadOnlyCollection<string> OpenNames => _open.Keys.ToList();

    public LuceneIndex? Find(string indexName) => _open.TryGetValue(indexName, out var entry) ? entry.Index : null;

    /// <summary>The analyzer documents of the index are written with (and queries on its text fields should use).</summary>
    public Analyzer? AnalyzerOf(string indexName) => _open.TryGetValue(indexName, out var entry) ? entry.Analyzer : null;

    public IndexProfileSettings? SettingsOf(string indexName) => _open.TryGetValue(indexName, out var entry) ? entry.Settings : null;

    /// <summary>Indexes this node cannot serve right now, with why (for /health and the APIs' 503).</summary>
    public IReadOnlyDictionary<string, string> Problems => new Dictionary<string, string>(_problems, StringComparer.OrdinalIgnoreCase);

    public string? ProblemOf(string indexName) => _problems.TryGetValue(indexName, out var problem) ? problem : null;

    internal void ReportProblem(string indexName, string problem) => _problems[indexName] = problem;

    internal void ClearProblem(string indexName) => _problems.TryRemove(indexName, out _);

    /// <summary>A fresh folder beside the index to rebuild it in, never one in use (stale ones are removed).</summary>
    internal string NewRebuildPath(string indexName)
    {
        foreach (var stale in StaleFolders(indexName))
        {
            TryDelete(stale);
        }
        return System.IO.Path.Combine(Root, $".{indexName}.rebuild-{Guid.NewGuid():N}");
    }

    /// <summary>
    /// Puts a rebuilt index (committed, closed) in place of the current one: the open one is closed, its folder moved
    /// aside and deleted, the rebuilt folder renamed into its place and opened. Searches that find no open index in
    /// between wait for the indexer's pass, which is the one doing this.
    /// </summary>
    internal LuceneIndex SwapIn(IndexProfileSettings settings, string rebuiltPath)
    {
        var path = PathOf(settings.IndexName);
        Close(settings.IndexName, discard: true);
        var old = System.IO.Path.Combine(Root, $".{settings.IndexName}.old-{Guid.NewGuid():N}");
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Move(path, old);
        }
        System.IO.Directory.Move(rebuiltPath, path);
        TryDelete(old);
        return Open(settings);
    }

    private IEnumerable<string> StaleFolders(string indexName) =>
        System.IO.Directory.Exists(Root)
            ? System.IO.Directory.EnumerateDirectories(Root, $".{indexName}.*").ToList()
            : [];

    private static void TryDelete(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next rebuild to remove.
        }
    }

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
