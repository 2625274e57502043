using OneDigital.Content.Definitions;

namespace OneDigital.Content.Security;

/// <summary>
/// Every permission this site knows: the built-in ones, those of the features' <see cref="IPermissionProvider"/>s, and
/// the per-type content permissions of the defined content types.
/// </summary>
public sealed class PermissionCatalogue(IEnumerable<IPermissionProvider> providers, ContentDefinitionStore definitions)
{
    private Dictionary<string, Permission>? _provided;

    /// <summary>
    /// The permission with this name, ignoring case, with its implications; null if no feature defines it.
    /// A per-type name (<c>Edit_Article</c>) is known when the type is defined.
    /// </summary>
    public async Task<Permission?> FindAsync(string name, CancellationToken ct = default)
    {
        if (Permissions.Find(name) is { } builtIn)
        {
            return builtIn;
        }
        if ((await ProvidedAsync(ct)).TryGetValue(name, out var provided))
        {
            return provided;
        }
        if (ContentTypePermissions.TryParse(name, out _, out var type) && await definitions.GetTypeAsync(type, ct) is { } definition)
        {
            // Spelled as the type is defined, so that what is stored matches the role editor's names.
            var prefix = name[..name.IndexOf('_', StringComparison.Ordinal)];
            return ContentTypePermissions.TryParse($"{prefix}_{definition.Name}", out var typed, out _) ? typed : null;
        }
        return null;
    }

    /// <summary>
    /// The permission to check for a name: the known one, or a bare permission with that name (roles may hold names
    /// that a later feature defines, and Orchard keeps them too).
    /// </summary>
    public async Task<Permission> ResolveAsync(string name, CancellationToken ct = default) =>
        await FindAsync(name, ct)
        ?? (ContentTypePermissions.TryParse(name, out var typed, out _) ? typed : new Permission(name, name));

    /// <summary>What a role editor offers: all known permissions, with per-type ones for Securable types only (as Orchard).</summary>
    public async Task<IReadOnlyList<Permission>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<Permission>(Permissions.All);
        list.AddRange((await ProvidedAsync(ct)).Values);
        foreach (var type in (await definitions.GetAsync(ct)).ContentTypes.Where(t => t.TypeSettings.Securable))
        {
            list.AddRange(ContentTypePermissions.GeneralPermissions.Select(g => ContentTypePermissions.ForType(g, type.Name)!));
        }
        return list;
    }

    private async Task<Dictionary<string, Permission>> ProvidedAsync(CancellationToken ct)
    {
        if (_provided is null)
        {
            var provided = new Dictionary<string, Permission>(StringComparer.OrdinalIgnoreCase);
            foreach (var provider in providers)
            {
                foreach (var permission in await provider.GetPermissionsAsync(ct)) provided.TryAdd(permission.Name, permission);
            }
            _provided = provided;
        }
        return _provided;
    }
}
