namespace OneDigital.GraphQL.Caching;

/// <summary>
/// The stamp for a single process: a counter that <see cref="ContentChangeStampHandler"/> bumps after a content change
/// commits. Several processes sharing a database need a store-wide stamp instead.
/// </summary>
public sealed class InProcessContentChangeStamp : IContentChangeStamp
{
    private long _value;

    public ValueTask<long> GetAsync(CancellationToken ct = default) => new(Interlocked.Read(ref _value));

    public void Bump() => Interlocked.Increment(ref _value);
}
