using Lucene.Net.Store;
using OneDigital.Content.Indexing;
using OneDigital.Content.Store;
using OneDigital.Search.Tasks;

namespace OneDigital.Web.Cli;

/// <summary><c>index rebuild|reset &lt;name|--all&gt;</c>.</summary>
internal sealed record IndexCommand(string Action, string? IndexName)
{
    public static IndexCommand Parse(IReadOnlyList<string> rest)
    {
        const string usage = "index needs an action and an index: index rebuild <name|--all> or index reset <name|--all>";
        if (rest.Count < 2 || rest[0].ToLowerInvariant() is not ("rebuild" or "reset"))
        {
            throw new CliUsageException(usage);
        }
        var target = rest[1];
        if (target.StartsWith('-') && target != "--all")
        {
            throw new CliUsageException(usage);
        }
        return new IndexCommand(rest[0].Equals("rebuild", StringComparison.OrdinalIgnoreCase) ? "Rebuild" : "Reset", target == "--all" ? null : target);
    }
}

/// <summary>
/// Queues the request in the store, as the recipe steps do, so every node carries it out; then carries it out on
/// this node's index at once, unless a site running on the same data folder holds it (that site does it instead).
/// A site in another process is recognised by the data folder's lock: the verb then never opens the indexes, whose
/// files that site has open.
/// </summary>
internal static class IndexVerb
{
    public static async Task RunAsync(IServiceProvider services, IndexCommand command, HostConsole console, CancellationToken ct)
    {
        var profiles = services.GetRequiredService<IndexProfiles>();
        var transaction = services.GetRequiredService<StoreTransaction>();
        var names = await transaction.RunAsync(
            () => profiles.QueueAsync(command.IndexName is null ? null : [command.IndexName], command.Action, ct), ct);

        if (names.Count == 0)
        {
            await console.Out.WriteLineAsync("There are no indexes.");
            return;
        }
        using var folder = DataFolderLock.TryAcquire(services.GetRequiredService<StoreOptions>().DataDir, out var holderPid);
        if (folder is null)
        {
            var holder = holderPid is { } pid ? $"pid {pid}" : "another process";
            foreach (var name in names)
            {
                await console.Out.WriteLineAsync($"{name}: the data folder is held by a running site ({holder}); the {command.Action.ToLowerInvariant()} is queued and that site carries it out within seconds.");
            }
            return;
        }
        var indexer = services.GetRequiredService<SearchIndexer>();
        foreach (var name in names)
        {
            try
            {
                if (command.Action == "Rebuild")
                {
                    var result = await indexer.RebuildAsync(name, ct);
                    await console.Out.WriteLineAsync($"{name}: rebuilt, {result.Documents} documents in {result.Elapsed.TotalSeconds:F1} s.");
                }
                else
                {
                    await indexer.ResetAsync(name, ct);
                    await indexer.CatchUpAsync(ct);
                    await console.Out.WriteLineAsync($"{name}: reset, the task log applied again.");
                }
            }
            catch (LockObtainFailedException)
            {
                await console.Out.WriteLineAsync($"{name}: in use by a site running on this data folder; the {command.Action.ToLowerInvariant()} is queued and that site carries it out within seconds.");
            }
        }
    }
}
