namespace OneDigital.GraphQL.Caching;

/// <summary>
/// A number that changes whenever published content may have changed (publish, unpublish, remove). Cached responses
/// are keyed by it, so a change makes every older entry unreachable.
/// </summary>
public interface IContentChangeStamp
{
    ValueTask<long> GetAsync(CancellationToken ct = default);
}
