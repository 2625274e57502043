using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using OneDigital.Search.Documents;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace OneDigital.Search.Indexes;

/// <summary>
/// One index on this node: its folder, its one writer and the searchers over it. How far it has applied the task
/// log (the cursor), the profile signature it was built with and the last reset/rebuild request it carried out are
/// kept in the Lucene commit itself, so they can never disagree with the documents.
/// </summary>
public sealed class LuceneIndex : IDisposable
{
    private const string CursorKey = "cursor";
    private const string SignatureKey = "signature";
    private const string LastActionKey = "lastActionTicks";
    private const string CommittedKey = "committedTicks";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    private LuceneIndex(string name, string path, LuceneDirectory directory, IndexWriter writer, bool created)
    {
        Name = name;
        Path = path;
        _directory = directory;
        _writer = writer;
        Created = created;
        _searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        var data = writer.CommitData ?? new Dictionary<string, string>();
        Cursor = data.TryGetValue(CursorKey, out var c) && long.TryParse(c, CultureInfo.InvariantCulture, out var cursor) ? cursor : 0;
        Signature = data.TryGetValue(SignatureKey, out var s) ? s : null;
        LastActionUtc = data.TryGetValue(LastActionKey, out var a) && long.TryParse(a, CultureInfo.InvariantCulture, out var ticks) ? new DateTime(ticks, DateTimeKind.Utc) : null;
        LastCommitUtc = data.TryGetValue(CommittedKey, out var m) && long.TryParse(m, CultureInfo.InvariantCulture, out var committed) ? new DateTime(committed, DateTimeKind.Utc) : null;
    }

    public string Name { get; }

    public string Path { get; }

    /// <summary>True when the folder held no usable index and this one was created empty when opened.</summary>
    public bool Created { get; }

    /// <summary>The id of the last indexing task whose change the committed documents reflect.</summary>
    public long Cursor { get; private set; }

    /// <summary>The <see cref="IndexProfileSettings.Signature"/> the documents were built for (null before the first build).</summary>
    public string? Signature { get; private set; }

    /// <summary>When the last reset or rebuild request this index carried out was made.</summary>
    public DateTime? LastActionUtc { get; private set; }

    /// <summary>When documents were last committed (null for an index last written before this was kept).</summary>
    public DateTime? LastCommitUtc { get; private set; }

    /// <summary>
    /// Opens the index in <paramref name="path"/>, or creates an empty one when the folder holds none. Files that
    /// cannot be read are never written over here (Lucene's CREATE mode still reads them): the caller rebuilds the
    /// index elsewhere and swaps it in. Files are read with positional reads, not memory-mapped: a mapped file
    /// overwritten or truncated by another process takes the whole process down, a read only fails.
    /// </summary>
    /// <exception cref="LockObtainFailedException">Another writer (a CLI verb, another host on the same folder) holds the index.</exception>
    public static LuceneIndex Open(string name, string path, Analyzer analyzer, double ramBufferMB)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = new NIOFSDirectory(new DirectoryInfo(path));
        try
        {
            var exists = DirectoryReader.IndexExists(directory);
            return new LuceneIndex(name, path, directory, NewWriter(directory, analyzer, ramBufferMB, OpenMode.CREATE_OR_APPEND), created: !exists);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Exceptions that say the files are damaged or missing rather than that something else went wrong. A lock held
    /// by another writer is not damage: that index is left alone.
    /// </summary>
    public static bool IsUnreadable(Exception ex) =>
        ex is not LockObtainFailedException
        && ex is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or FileNotFoundException
            or DirectoryNotFoundException or EndOfStreamException or IOException
            // What Lucene's readers throw when the bytes they decode are garbage.
            or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException;

    private static IndexWriter NewWriter(LuceneDirectory directory, Analyzer analyzer, double ramBufferMB, OpenMode mode) =>
        new(directory, new IndexWriterConfig(LuceneAnalyzers.Version, analyzer)
        {
            OpenMode = mode,
            RAMBufferSizeMB = ramBufferMB,
        });

    /// <summary>Adds or replaces the item's document; analyzed with the given analyzer (the profile's, which may have changed).</summary>
    public void Put(string contentItemId, Document document, Analyzer analyzer) =>
        _writer.UpdateDocument(new Term(IndexFieldNames.ContentItemId, contentItemId), document, analyzer);

    /// <summary>Adds a document known not to be in the index (rebuilds): no delete by id first.</summary>
    public void Add(Document document, Analyzer analyzer) => _writer.AddDocument(document, analyzer);

    /// <summary>
    /// Adds documents known not to be in the index in one call: the writer takes its locks once for them rather than
    /// once per document. The documents are enumerated one at a time, each indexed before the next is built.
    /// </summary>
    public void AddAll(IEnumerable<Document> documents, Analyzer analyzer) => _writer.AddDocuments(documents, analyzer);

    /// <summary>
    /// Flushes a writing thread's buffer to a segment once it holds this many documents (null: by RAM alone), checked
    /// after each <see cref="AddAll"/> call, whose documents stay together. The thread that fills its buffer writes
    /// the segment while the others go on indexing; what is still buffered at a commit is flushed by the committing
    /// thread alone.
    /// </summary>
    public void FlushEvery(int? documents) =>
        _writer.Config.MaxBufferedDocs = documents ?? IndexWriterConfig.DISABLE_AUTO_FLUSH;

    public void Remove(string contentItemId) => _writer.DeleteDocuments(new Term(IndexFieldNames.ContentItemId, contentItemId));

    /// <summary>Empties the index; searchers keep seeing the old documents until the next <see cref="Commit"/>.</summary>
    public void RemoveAll() => _writer.DeleteAll();

    /// <summary>Makes the changes durable together with the cursor, and visible to new searches.</summary>
    public void Commit(long cursor, string? signature = null, DateTime? lastActionUtc = null)
    {
        Signature = signature ?? Signature;
        LastActionUtc = lastActionUtc ?? LastActionUtc;
        var data = new Dictionary<string, string> { [CursorKey] = cursor.ToString(CultureInfo.InvariantCulture) };
        if (Signature is not null) data[SignatureKey] = Signature;
        if (LastActionUtc is { } last) data[LastActionKey] = last.Ticks.ToString(CultureInfo.InvariantCulture);
        var committed = DateTime.UtcNow;
        data[CommittedKey] = committed.Ticks.ToString(CultureInfo.InvariantCulture);
        _writer.SetCommitData(data);
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
        // Moved only once new searches see the documents: the readers' site caches search pages by it.
        Cursor = cursor;
        LastCommitUtc = committed;
    }

    /// <summary>Forgets the cursor (Orchard's reset): tasks are applied again from the first; nothing is deleted.</summary>
    public void Reset(DateTime? lastActionUtc) => Commit(0, lastActionUtc: lastActionUtc);

    public int DocumentCount
    {
        get
        {
            var searcher = _searchers.Acquire();
            try { return searcher.IndexReader.NumDocs; }
            finally { _searchers.Release(searcher); }
        }
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Closes the index throwing away what was not committed (a failed rebuild must not commit a half-empty index).</summary>
    public void Abandon()
    {
        _searchers.Dispose();
        try
        {
            _writer.Rollback();
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            // Nothing worth keeping; the next open starts afresh.
        }
        _directory.Dispose();
    }

    public void Dispose()
    {
        _searchers.Dispose();
        try
        {
            _writer.Dispose();
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            // The files are gone or damaged; the next open starts afresh.
        }
        _directory.Dispose();
    }
}
