namespace OneDigital.Admin.SearchIndexes;

/// <summary>The JSON <c>/admin/search-indexes/{name}/status</c> answers (camelCase), for <c>search-indexes.mjs</c>.</summary>
public sealed record SearchIndexStatus(
    string Index,
    string State,
    string? Action,
    long Done,
    long Total,
    int? Documents,
    long Lag,
    bool Healthy,
    string? Problem,
    DateTime? LastUpdatedUtc,
    string? Failure,
    string Summary)
{
    public static SearchIndexStatus From(SearchIndexState state)
    {
        var progress = state.Progress;
        return new SearchIndexStatus(
            state.Name,
            state.State,
            state.State == "queued" ? state.Queued : progress?.Action,
            progress?.Done ?? 0,
            progress?.Total ?? 0,
            state.Documents,
            state.Lag,
            state.Healthy,
            state.Problem,
            state.LastUpdatedUtc,
            progress?.Failure,
            Describe(state));
    }

    /// <summary>One sentence for the page's live region, the same with or without the script.</summary>
    public static string Describe(SearchIndexState state)
    {
        var progress = state.Progress;
        var unit = progress?.Action == "Reset" ? "changes" : "items";
        return state.State switch
        {
            "running" => $"{progress!.Action} in progress: {progress.Done:N0} of {progress.Total:N0} {unit} done.",
            "queued" => $"{state.Queued} requested; it starts within a few seconds.",
            "failed" => $"The last {progress!.Action.ToLowerInvariant()} failed: {progress.Failure}",
            _ when progress is { Action: "Rebuild" } => $"Rebuild done: {progress.Documents:N0} documents from {progress.Total:N0} items.",
            _ when progress is not null => $"Reset done: {progress.Done:N0} changes applied.",
            _ => "No rebuild or reset has run on this server since it started.",
        };
    }
}
