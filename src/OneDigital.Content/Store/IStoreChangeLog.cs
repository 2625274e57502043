namespace OneDigital.Content.Store;

/// <summary>
/// What <see cref="StoreVersions"/>' content number follows: a log every content change appends to, in the change's
/// transaction, from any process. The indexing task log is that log; it implements this, so the store need not know it.
/// </summary>
public interface IStoreChangeLog
{
    /// <summary>A number that moves with every change appended to the log (read at most once a second).</summary>
    Task<long> ReadStampAsync(ContentDbContext db, CancellationToken ct);
}
