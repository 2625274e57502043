using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneDigital.Content.Indexing;
using OneDigital.Content.Store;
using OneDigital.Search.Indexes;

namespace OneDigital.Search.Tasks;

/// <summary>
/// The background pass (Orchard's Lucene worker): right after this node commits indexing tasks, and every
/// <see cref="SearchOptions.WorkerInterval"/> for changes other nodes made.
/// </summary>
public sealed class IndexingWorker(SearchIndexer indexer, IndexingSignal signal, SearchOptions options, StoreCondition store, ILogger<IndexingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Not before setup has migrated the store: a first start would log failed queries on missing tables.
            await store.Opened.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the pass, so a commit made during it wakes the next one.
            var wake = signal.NextAsync();
            try
            {
                await indexer.CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbException ex)
            {
                // Before setup has created the store there is nothing to index yet.
                logger.LogDebug(ex, "Indexing pass skipped: the store is not ready.");
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Indexing pass failed; it is retried.");
            }
            try
            {
                await Task.WhenAny(wake, Task.Delay(options.WorkerInterval, stoppingToken)).WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
