using GraphQL.DataLoader;

namespace OneDigital.GraphQL.Loading;

/// <summary>
/// A resolver result GraphQL.NET completes after the other fields of the level have been resolved, so every key a
/// level asks for is queued in its <see cref="BatchLoader{TKey,TValue}"/> before the first one is loaded.
/// </summary>
internal sealed class DeferredResult<T>(Func<CancellationToken, Task<T>> resolve) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => resolve(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await resolve(cancellationToken);
}
