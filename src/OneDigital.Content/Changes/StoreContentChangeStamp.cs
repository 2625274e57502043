using OneDigital.Content.Store;

namespace OneDigital.Content.Changes;

/// <summary>
/// The store-wide stamp: it follows the indexing task log, which every content change appends to on any node or CLI
/// import. This node's own changes move it at once (<see cref="ContentChangeStampHandler"/>); another process's within
/// <see cref="StoreVersions.PollInterval"/>.
/// </summary>
public sealed class StoreContentChangeStamp(StoreVersions versions) : IContentChangeStamp
{
    public async ValueTask<long> GetAsync(CancellationToken ct = default) => (await versions.GetAsync(ct)).Content;
}
