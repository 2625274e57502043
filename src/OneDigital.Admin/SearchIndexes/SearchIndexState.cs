// Why: the list, the index's page and the status JSON the page polls say the same things about an index; they are
// worked out once here from the profile (the store), the open index (this node) and the indexer's progress.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Indexing;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tasks;

namespace OneDigital.Admin.SearchIndexes;

/// <summary>One index as this node sees it.</summary>
/// <param name="Documents">Null when this node has not opened the index (yet).</param>
/// <param name="Lag">Indexing tasks (content changes) in the store past the index's cursor, not yet in its documents.</param>
/// <param name="Problem">Why the index cannot be searched on this node (the health check's reason), or null.</param>
/// <param name="Queued">The reset or rebuild asked for and not yet carried out here ("Rebuild" wins over "Reset").</param>
public sealed record SearchIndexState(
    IndexProfile Profile,
    int? Documents,
    DateTime? LastUpdatedUtc,
    long Cursor,
    long Lag,
    string? Problem,
    IndexingProgress? Progress,
    string? Queued)
{
    public string Name => Profile.IndexName;

    /// <summary>queued, running, failed or done (the status JSON's <c>state</c>).</summary>
    public string State =>
        Progress is { Running: true } ? "running"
        : Queued is not null ? "queued"
        : Progress is { Failure: not null } ? "failed"
        : "done";

    public bool Healthy => Problem is null;
}

/// <summary>Reads <see cref="SearchIndexState"/>s; scoped (it reads the store).</summary>
public sealed class SearchIndexStates(IndexProfiles profiles, LuceneIndexes indexes, SearchIndexer indexer, IndexingReads reads)
{
    public async Task<IReadOnlyList<SearchIndexState>> ListAsync(CancellationToken ct)
    {
        var document = await profiles.GetAsync(ct);
        var states = new List<SearchIndexState>();
        foreach (var profile in document.Profiles.OrderBy(p => p.IndexName, StringComparer.OrdinalIgnoreCase))
        {
            states.Add(await StateAsync(document, profile, ct));
        }
        return states;
    }

    public async Task<SearchIndexState?> FindAsync(string indexName, CancellationToken ct)
    {
        var document = await profiles.GetAsync(ct);
        var profile = document.Profiles.Find(p => p.IndexName.Equals(indexName, StringComparison.OrdinalIgnoreCase));
        return profile is null ? null : await StateAsync(document, profile, ct);
    }

    private async Task<SearchIndexState> StateAsync(IndexProfilesDocument document, IndexProfile profile, CancellationToken ct)
    {
        var index = indexes.Find(profile.IndexName);
        var cursor = index?.Cursor ?? 0;
        // A request made after the last one the index carried out is still to do (the indexer's own rule).
        var pending = document.PendingActions
            .Where(a => a.IndexName.Equals(profile.IndexName, StringComparison.OrdinalIgnoreCase) && (index?.LastActionUtc is not { } last || a.RequestedUtc > last))
            .Select(a => a.Action)
            .ToList();
        var queued = pending.Count == 0 ? null
            : pending.Any(a => a.Equals("Rebuild", StringComparison.OrdinalIgnoreCase)) ? "Rebuild" : "Reset";
        return new SearchIndexState(
            profile,
            index?.DocumentCount,
            index?.LastCommitUtc,
            cursor,
            await reads.CountTasksAfterAsync(cursor, ct),
            indexes.ProblemOf(profile.IndexName),
            indexer.ProgressOf(profile.IndexName),
            // Before this node opens the index it carries out no request: opening builds it afresh.
            index is null ? null : queued);
    }
}

public static class SearchIndexesAdminServices
{
    public static IServiceCollection AddSearchIndexesAdmin(this IServiceCollection services) =>
        services.AddScoped<SearchIndexStates>();
}
