namespace OneDigital.Content.Security;

/// <summary>
/// The names of the Securable content types, shared by every scope of the process and kept for the version of the
/// definitions document they were read from, so a permission check needs no store read while that version holds
/// (<see cref="Store.StoreVersions"/> tells when it moves).
/// </summary>
public sealed class SecurableTypeCache
{
    private volatile Entry? _current;

    public IReadOnlySet<string>? TryGet(int version) => _current is { } c && c.Version == version ? c.Types : null;

    public void Set(int version, IReadOnlySet<string> types)
    {
        if (_current is not { } c || version >= c.Version)
        {
            _current = new Entry(version, types);
        }
    }

    private sealed record Entry(int Version, IReadOnlySet<string> Types);
}
