using System.Collections.Concurrent;

namespace OneDigital.Content.Security;

/// <summary>
/// Role permissions shared by every scope of the process, valid for one version of the roles stamp
/// (<see cref="RoleService.StampDocumentName"/>); a newer version empties it.
/// </summary>
public sealed class RolePermissionCache
{
    private volatile Entries _current = new(-1);

    public bool TryGet(int version, string role, out IReadOnlySet<string> permissions)
    {
        var current = _current;
        if (current.Version == version && current.Roles.TryGetValue(role, out var found))
        {
            permissions = found;
            return true;
        }
        permissions = null!;
        return false;
    }

    public void Set(int version, string role, IReadOnlySet<string> permissions)
    {
        var current = _current;
        if (version > current.Version)
        {
            var next = new Entries(version);
            // Another thread may have moved on meanwhile; only an older generation is replaced.
            current = Interlocked.CompareExchange(ref _current, next, current) == current ? next : _current;
        }
        if (current.Version == version)
        {
            current.Roles[role] = permissions;
        }
    }

    private sealed class Entries(int version)
    {
        public int Version { get; } = version;

        public ConcurrentDictionary<string, IReadOnlySet<string>> Roles { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
