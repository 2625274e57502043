using System.Collections.Concurrent;
using System.Runtime;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Lucene.Net.Analysis;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneDigital.Content.Definitions;
using OneDigital.Content.Indexing;
using OneDigital.Content.Items;
using OneDigital.Content.Store;
using OneDigital.Search.Documents;
using OneDigital.Search.Indexes;

namespace OneDigital.Search.Tasks;

/// <summary>
/// Keeps this node's indexes in step with the store: opens an index per profile (rebuilding one that is missing,
/// unreadable or built for other settings), carries out the reset and rebuild requests recipes and the CLI queue in
/// the IndexProfiles document, and applies the indexing-task log past each index's cursor. One pass at a time.
/// </summary>
public sealed class SearchIndexer(
    IServiceScopeFactory scopes,
    LuceneIndexes indexes,
    SearchOptions options,
    TimeProvider clock,
    ILogger<SearchIndexer> logger)
{
    // Rows a rebuild's writer thread takes from the queue at a time.
    private const int RebuildChunk = 100;
    // The fewest documents a rebuild's writer thread buffers before it writes them as a segment.
    private const int MinFlushDocuments = 500;
    // Rebuilds this large leave enough garbage behind to be worth a full collection (see ReleaseRebuildGarbage).
    private const int ReleaseAfterDocuments = 5_000;

    private readonly SemaphoreSlim _pass = new(1, 1);
    // Task ids missing from the log, and when this node first saw the hole (see SearchOptions.GapWait).
    private readonly ConcurrentDictionary<(string Index, long TaskId), DateTime> _gaps = new();
    // Indexes a search could not read, and what it met; the next pass rebuilds them.
    private readonly ConcurrentDictionary<string, Exception> _suspect = new(StringComparer.OrdinalIgnoreCase);
    // The running or last rebuild/reset of each index on this node, for the admin's progress.
    private readonly ConcurrentDictionary<string, ProgressCounter> _progress = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rebuild or reset this node is carrying out on the index, or the last one it finished since it started.</summary>
    public IndexingProgress? ProgressOf(string indexName) => _progress.TryGetValue(indexName, out var counter) ? counter.Snapshot() : null;

    private ProgressCounter StartProgress(string indexName, string action, long total)
    {
        var counter = new ProgressCounter(indexName, action, total, clock.GetUtcNow().UtcDateTime);
        _progress[indexName] = counter;
        return counter;
    }

    /// <summary>What the last rebuild did, for the CLI and the benchmark.</summary>
    public sealed record RebuildResult(string IndexName, int Documents, TimeSpan Elapsed);

    /// <summary>Brings every index up to date with the store (the worker's pass; tests call it directly).</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        await _pass.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = await PassContext.LoadAsync(scope.ServiceProvider, ct);
            foreach (var profile in context.Profiles)
            {
                await CatchUpIndexAsync(context, profile, ct);
            }
            foreach (var stale in indexes.OpenNames.Where(n => !context.Profiles.Any(p => p.IndexName.Equals(n, StringComparison.OrdinalIgnoreCase))))
            {
                indexes.Close(stale);
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>Empties the index and builds it again from the store now (also requested by the CLI verb).</summary>
    public async Task<RebuildResult> RebuildAsync(string indexName, CancellationToken ct = default)
    {
        await _pass.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = await PassContext.LoadAsync(scope.ServiceProvider, ct);
            var profile = context.Find(indexName) ?? throw new UnknownIndexException(indexName);
            var index = indexes.Open(profile);
            var result = await RebuildIndexAsync(context, profile, index, context.LastAction(profile.IndexName), ct);
            await ApplyTasksAsync(context, profile, indexes.Find(profile.IndexName)!, ct);
            return result;
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>Sets the index's cursor back to the first task; the next pass applies the whole log again.</summary>
    public async Task ResetAsync(string indexName, CancellationToken ct = default)
    {
        await _pass.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = await PassContext.LoadAsync(scope.ServiceProvider, ct);
            var profile = context.Find(indexName) ?? throw new UnknownIndexException(indexName);
            indexes.Open(profile).Reset(context.LastAction(profile.IndexName));
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task CatchUpIndexAsync(PassContext context, IndexProfileSettings profile, CancellationToken ct)
    {
        LuceneIndex index;
        try
        {
            index = indexes.Open(profile);
        }
        catch (LockObtainFailedException)
        {
            // Another writer's index is never taken for a damaged one: nothing is deleted or rebuilt.
            indexes.ReportProblem(profile.IndexName, "another process holds its write lock; it is searched here once that process lets go");
            logger.LogWarning("Index {Index} is locked by another process; it is brought up to date once that process lets go.", profile.IndexName);
            return;
        }
        catch (Exception ex) when (LuceneIndex.IsUnreadable(ex))
        {
            await RepairAsync(context, profile, ex, ct);
            return;
        }
        if (indexes.ProblemOf(profile.IndexName) is not null && !_suspect.ContainsKey(profile.IndexName))
        {
            indexes.ClearProblem(profile.IndexName);
        }
        if (_suspect.TryRemove(profile.IndexName, out var failure))
        {
            // A search failed reading the open index's files: they were changed under it. Rebuild from the store.
            await RepairAsync(context, profile, failure, ct);
            return;
        }
        try
        {
            var requests = context.Actions(profile.IndexName, after: index.LastActionUtc);
            var lastRequest = requests.Count > 0 ? requests.Max(a => a.RequestedUtc) : (DateTime?)null;
            // A new (or recreated) index has no signature yet.
            var isNew = index.Signature is null;
            if (index.Signature != profile.Signature || requests.Any(a => a.Action.Equals("Rebuild", StringComparison.OrdinalIgnoreCase)))
            {
                if (!isNew && index.Signature != profile.Signature)
                {
                    logger.LogInformation("Index {Index}: the profile changed; rebuilding.", profile.IndexName);
                }
                // A new index covers every request made before it.
                await RebuildIndexAsync(context, profile, index, isNew ? context.LastAction(profile.IndexName) : lastRequest, ct);
                index = indexes.Find(profile.IndexName)!;
            }
            else if (requests.Count > 0)
            {
                var progress = StartProgress(profile.IndexName, "Reset", await context.Reader.CountTasksAfterAsync(0, ct));
                index.Reset(lastRequest);
                await TrackAsync(progress, () => ApplyTasksAsync(context, profile, index, ct, progress));
                return;
            }
            await ApplyTasksAsync(context, profile, index, ct);
        }
        catch (Exception ex) when (LuceneIndex.IsUnreadable(ex))
        {
            // Files deleted or damaged under a running node: rebuild beside it; its searcher serves until the swap.
            await RepairAsync(context, profile, ex, ct);
        }
        catch
        {
            // Whatever this pass wrote and did not commit must not be committed by a later one.
            indexes.Close(profile.IndexName, discard: true);
            throw;
        }
    }

    /// <summary>
    /// Rebuilds an index whose files cannot be read into a new folder from the store, then swaps it in. Until the
    /// swap, whatever is open keeps serving and searches of an index that cannot open answer 503.
    /// </summary>
    private async Task RepairAsync(PassContext context, IndexProfileSettings profile, Exception damage, CancellationToken ct)
    {
        var name = profile.IndexName;
        indexes.ReportProblem(name, $"its files cannot be read ({damage.GetType().Name}: {FirstLine(damage.Message)}); it is being rebuilt from the store");
        logger.LogWarning(damage, "Index {Index} cannot be read or written; it is rebuilt from the store in a new folder and swapped in.", name);
        var path = indexes.NewRebuildPath(name);
        var analyzer = LuceneAnalyzers.Create(profile.AnalyzerName);
        var fresh = LuceneIndex.Open(name, path, analyzer, options.RamBufferMB);
        var progress = StartProgress(name, "Rebuild", await context.Reader.CountVersionsAsync(profile.ContentTypes, profile.IndexLatest, ct));
        try
        {
            var cursor = await context.Reader.MaxTaskIdAsync(ct);
            var documents = await AddAllAsync(context, profile, fresh, analyzer, progress, ct);
            fresh.Commit(cursor, profile.Signature, context.LastAction(name));
            fresh.Dispose();
            ReleaseRebuildGarbage(documents);
            progress.Finish(clock.GetUtcNow().UtcDateTime, documents, null);
            logger.LogInformation("Index {Index} rebuilt after damage: {Documents} documents.", name, documents);
        }
        catch (Exception ex)
        {
            progress.Finish(clock.GetUtcNow().UtcDateTime, null, FirstLine(ex.Message));
            fresh.Abandon();
            throw;
        }
        var index = indexes.SwapIn(profile, path);
        indexes.ClearProblem(name);
        await ApplyTasksAsync(context, profile, index, ct);
    }

    /// <summary>
    /// Called when a search failed reading an open index: the next pass rebuilds it (a rebuild is the one repair that
    /// cannot be wrong, the store holding every document).
    /// </summary>
    public void ReportUnreadable(string indexName, Exception failure)
    {
        _suspect[indexName] = failure;
        indexes.ReportProblem(indexName, $"its files cannot be read ({failure.GetType().Name}: {FirstLine(failure.Message)}); it is being rebuilt from the store");
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private async Task<RebuildResult> RebuildIndexAsync(PassContext context, IndexProfileSettings profile, LuceneIndex index, DateTime? lastAction, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        // Taken before reading: changes made while the rebuild reads are replayed from the log afterwards.
        var cursor = await context.Reader.MaxTaskIdAsync(ct);
        var analyzer = indexes.AnalyzerOf(profile.IndexName)!;
        var progress = StartProgress(profile.IndexName, "Rebuild", await context.Reader.CountVersionsAsync(profile.ContentTypes, profile.IndexLatest, ct));
        var documents = 0;
        try
        {
            index.RemoveAll();
            documents = await AddAllAsync(context, profile, index, analyzer, progress, ct);
            index.Commit(cursor, profile.Signature, lastAction ?? index.LastActionUtc);
            ReleaseRebuildGarbage(documents);
            progress.Finish(clock.GetUtcNow().UtcDateTime, documents, null);
        }
        catch (Exception ex)
        {
            progress.Finish(clock.GetUtcNow().UtcDateTime, null, FirstLine(ex.Message));
            indexes.Close(profile.IndexName, discard: true);
            throw;
        }
        var elapsed = clock.GetElapsedTime(started);
        logger.LogInformation("Index {Index} rebuilt: {Documents} documents in {Seconds:F1} s.", profile.IndexName, documents, elapsed.TotalSeconds);
        return new RebuildResult(profile.IndexName, documents, elapsed);
    }

    /// <summary>
    /// Reads every current version of the profile's types and adds its document. One writer thread per core takes
    /// chunks of rows from a bounded channel the store is read into. The reader waits for room asynchronously: blocked
    /// in a BlockingCollection, it spun for a sixth of the rebuild's CPU. A writer adds a chunk's documents in one
    /// call, taking the index writer's locks once per chunk rather than once per document.
    /// </summary>
    private async Task<int> AddAllAsync(PassContext context, IndexProfileSettings profile, LuceneIndex index, Analyzer analyzer, ProgressCounter progress, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The commit writes every buffered document on one thread: a rebuild that fits the RAM buffer spent an eighth
        // of its time there with the other core idle. Flushed at a quarter of each writer's share, most segments are
        // written by the writer threads while the others index, and few enough that none are merged at 10,000 items.
        index.FlushEvery((int)Math.Max(MinFlushDocuments, progress.Snapshot().Total / (Environment.ProcessorCount * 4)));
        var queue = Channel.CreateBounded<ArraySegment<StoredVersion>>(new BoundedChannelOptions(Math.Max(2, options.RebuildPageSize * 2 / RebuildChunk)) { SingleWriter = true });
        var documents = 0;
        var writers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Factory.StartNew(() =>
        {
            try
            {
                var reuse = new ReusableFields(analyzer);
                while (true)
                {
                    if (queue.Reader.TryRead(out var chunk))
                    {
                        index.AddAll(Documents(chunk, reuse), analyzer);
                    }
                    else if (!queue.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                    {
                        break;
                    }
                }
            }
            catch
            {
                stop.Cancel();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        // Built as the writer asks for them, so each is indexed before the next reuses its fields.
        IEnumerable<Lucene.Net.Documents.Document> Documents(ArraySegment<StoredVersion> rows, ReusableFields reuse)
        {
            foreach (var row in rows)
            {
                var item = row.ToItem();
                progress.Advance();
                if (ContentDocumentBuilder.Selects(profile, item))
                {
                    Interlocked.Increment(ref documents);
                    yield return ContentDocumentBuilder.Build(item, context.Definitions, profile, reuse);
                }
            }
        }

        try
        {
            var afterId = 0L;
            while (true)
            {
                var rows = await context.Reader.VersionPageAsync(profile.ContentTypes, profile.IndexLatest, afterId, options.RebuildPageSize, stop.Token);
                if (rows.Count == 0) break;
                afterId = rows[^1].Id;
                var page = rows.ToArray();
                for (var start = 0; start < page.Length; start += RebuildChunk)
                {
                    await queue.Writer.WriteAsync(new ArraySegment<StoredVersion>(page, start, Math.Min(RebuildChunk, page.Length - start)), stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A writer failed; its exception is thrown below.
        }
        finally
        {
            queue.Writer.Complete();
        }
        var all = Task.WhenAll(writers);
        try
        {
            await all;
        }
        catch when (all.Exception is { } failed)
        {
            ct.ThrowIfCancellationRequested();
            ExceptionDispatchInfo.Throw(failed.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? failed.InnerExceptions[0]);
        }
        finally
        {
            index.FlushEvery(null);
        }
        return documents;
    }

    /// <summary>
    /// A rebuild's garbage — the writer threads' flushed RAM buffers (up to RamBufferMB, kept long enough to reach the
    /// oldest generation) and the rows' JSON — is left in the oldest generation, which the GC may not collect for a
    /// long time: after a rebuild of 30,000 posts the GC kept 124 MB committed for a 46 MB heap, carried into the
    /// site's work (a web host rebuilds at its start). The committed index needs none of it, so one aggressive
    /// (compacting, decommitting) full collection returns it: 124 -> 9 MB committed, resident 285 -> 164 MB, in
    /// 50-70 ms. A forced collection alone kept 38 MB committed (194 MB resident). The native memory the rebuild's
    /// reads freed is handed back too (<see cref="FreedNativeMemory"/>).
    /// </summary>
    private static void ReleaseRebuildGarbage(int documents)
    {
        if (documents < ReleaseAfterDocuments) return;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        FreedNativeMemory.Release();
    }

    private async Task ApplyTasksAsync(PassContext context, IndexProfileSettings profile, LuceneIndex index, CancellationToken ct, ProgressCounter? progress = null)
    {
        var analyzer = indexes.AnalyzerOf(profile.IndexName)!;
        var readFrom = index.Cursor;
        var cursor = index.Cursor;
        var reuse = new ReusableFields(analyzer);
        while (true)
        {
            var tasks = await context.Reader.TasksAfterAsync(readFrom, options.BatchSize, ct);
            if (tasks.Count == 0) break;
            readFrom = tasks[^1].Id;
            var ids = tasks.Select(t => t.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
            // The task says which item changed; its current version in the store says what the document is now.
            var versions = await context.Reader.CurrentVersionsAsync(ids, profile.IndexLatest, ct);
            foreach (var id in ids)
            {
                var item = versions.TryGetValue(id, out var row) ? row.ToItem() : null;
                if (item is not null && ContentDocumentBuilder.Selects(profile, item))
                {
                    index.Put(id, ContentDocumentBuilder.Build(item, context.Definitions, profile, reuse), analyzer);
                }
                else
                {
                    index.Remove(id);
                }
            }
            cursor = AdvanceCursor(profile.IndexName, cursor, tasks);
            index.Commit(cursor);
            progress?.Advance(tasks.Count);
        }
    }

    private async Task TrackAsync(ProgressCounter progress, Func<Task> work)
    {
        try
        {
            await work();
            progress.Finish(clock.GetUtcNow().UtcDateTime, null, null);
        }
        catch (Exception ex)
        {
            progress.Finish(clock.GetUtcNow().UtcDateTime, null, FirstLine(ex.Message));
            throw;
        }
    }

    /// <summary>
    /// The new cursor: the last task id with no hole before it. A hole is a transaction still in flight (its task
    /// will appear) or one that rolled back (it never will); after <see cref="SearchOptions.GapWait"/> it is passed.
    /// </summary>
    private long AdvanceCursor(string indexName, long cursor, List<IndexingReads.TaskRow> tasks)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var task in tasks)
        {
            for (var missing = cursor + 1; missing < task.Id; missing++)
            {
                var since = _gaps.GetOrAdd((indexName, missing), now);
                if (now - since < options.GapWait)
                {
                    return cursor;
                }
                _gaps.TryRemove((indexName, missing), out _);
            }
            _gaps.TryRemove((indexName, task.Id), out _);
            cursor = task.Id;
        }
        return cursor;
    }

    /// <summary>What one pass reads from the store once: profiles, requests, definitions, and a reader.</summary>
    private sealed class PassContext
    {
        public required List<IndexProfileSettings> Profiles { get; init; }
        public required List<IndexAction> Requests { get; init; }
        public required ContentDefinitionDocument Definitions { get; init; }
        public required IndexingReads Reader { get; init; }

        public static async Task<PassContext> LoadAsync(IServiceProvider services, CancellationToken ct)
        {
            var document = await services.GetRequiredService<IndexProfiles>().GetAsync(ct);
            var profiles = new List<IndexProfileSettings>();
            foreach (var profile in document.Profiles.Where(p => p.ProviderName.Equals("Lucene", StringComparison.OrdinalIgnoreCase)))
            {
                try
                {
                    profiles.Add(IndexProfileSettings.From(profile));
                }
                catch (ArgumentException ex)
                {
                    services.GetRequiredService<ILogger<SearchIndexer>>().LogWarning("Index profile {Name} is skipped: {Message}", profile.Name, ex.Message);
                }
            }
            return new PassContext
            {
                Profiles = profiles,
                Requests = document.PendingActions,
                Definitions = await services.GetRequiredService<ContentDefinitionStore>().GetAsync(ct),
                Reader = services.GetRequiredService<IndexingReads>(),
            };
        }

        public IndexProfileSettings? Find(string indexName) =>
            Profiles.Find(p => p.IndexName.Equals(indexName, StringComparison.OrdinalIgnoreCase));

        public List<IndexAction> Actions(string indexName, DateTime? after) =>
            Requests.Where(a => a.IndexName.Equals(indexName, StringComparison.OrdinalIgnoreCase) && (after is null || a.RequestedUtc > after)).ToList();

        public DateTime? LastAction(string indexName) =>
            Actions(indexName, null) is { Count: > 0 } all ? all.Max(a => a.RequestedUtc) : null;
    }
}
