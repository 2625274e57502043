namespace OneDigital.Content.Store;

/// <summary>
/// A per-scope cache of what the store holds. When a transaction rolls back, every such cache forgets what it read
/// or wrote inside it, so the scope never sees data that no longer exists.
/// </summary>
public interface IScopedCache
{
    void Reset();
}
