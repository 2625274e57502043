namespace OneDigital.Content.Changes;

/// <summary>
/// A number that changes whenever published content may have changed (publish, unpublish, remove). Caches of what
/// readers see (GraphQL's responses, the readers' site) are keyed by it, so a change makes every older entry
/// unreachable; it lives with content because any reader may cache, not only one API.
/// </summary>
public interface IContentChangeStamp
{
    ValueTask<long> GetAsync(CancellationToken ct = default);
}
