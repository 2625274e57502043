// Why: rebuild and reset are asked of every web server through the index profiles document (each carries it out
// on its own copy of the index), so the page queues the request and wakes this server's indexer; the progress it
// then shows is this server's, read from the indexer by the page's script (or a refresh without one).
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Indexing;

namespace OneDigital.Admin.SearchIndexes;

public sealed class SearchIndexDetailsModel(SearchIndexStates states, IndexProfiles profiles, IndexingSignal indexer) : AdminPage
{
    [FromRoute(Name = "name")] public string IndexName { get; set; } = "";

    /// <summary>Set after a request or a save, to say what happened.</summary>
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    public SearchIndexState State { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(SearchIndexPermissions.Manage) is { } refused) return refused;
        if (await states.FindAsync(IndexName, HttpContext.RequestAborted) is not { } state) return NotFound();
        State = state;
        return Page();
    }

    /// <summary>The status the page's script polls: state, progress and the index's facts.</summary>
    public async Task<IActionResult> OnGetStatusAsync()
    {
        if (await DemandAsync(SearchIndexPermissions.Manage) is { } refused) return refused;
        if (await states.FindAsync(IndexName, HttpContext.RequestAborted) is not { } state) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(SearchIndexStatus.From(state));
    }

    // The actions' addresses opened as pages (a bookmark, a reload) show the index rather than an empty page.
    public IActionResult OnGetRebuild() => Redirect(SearchIndexLinks.Details(IndexName));

    public IActionResult OnGetReset() => Redirect(SearchIndexLinks.Details(IndexName));

    public Task<IActionResult> OnPostRebuildAsync() => QueueAsync("Rebuild");

    public Task<IActionResult> OnPostResetAsync() => QueueAsync("Reset");

    private async Task<IActionResult> QueueAsync(string action)
    {
        if (await DemandAsync(SearchIndexPermissions.Manage) is { } refused) return refused;
        if (await states.FindAsync(IndexName, HttpContext.RequestAborted) is not { } state) return NotFound();
        await profiles.QueueAsync([state.Name], action, HttpContext.RequestAborted);
        // Other servers find the request at their next poll; this one starts now.
        indexer.Signal();
        return Redirect($"{SearchIndexLinks.Details(state.Name)}?done={action.ToLowerInvariant()}");
    }

    public string? DoneMessage => Done switch
    {
        "rebuild" => "The rebuild was requested. Every web server empties its copy of the index and builds it again from the store.",
        "reset" => "The reset was requested. Every web server applies the whole log of content changes to its copy again.",
        "saved" => "The settings were saved. Every web server rebuilds its copy of the index with them.",
        _ => null,
    };
}
