using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Store;

namespace OneDigital.Content.Security;

/// <summary>
/// Roles and the permissions they hold (role claims of type <see cref="Permission.ClaimType"/>). Role names are
/// compared ignoring case. Writes go through the scope's <see cref="ContentDbContext"/>, so they join any transaction
/// open on it (a recipe's). Permissions read outside a transaction are cached for the process, per version of the
/// roles stamp document that every role write bumps (<see cref="StoreVersions"/>), and for the scope.
/// </summary>
public sealed class RoleService(
    RoleManager<Role> roles, ContentDbContext db, PermissionCatalogue catalogue, DocumentStore documents,
    StoreVersions versions, RolePermissionCache shared) : IScopedCache
{
    /// <summary>The document whose version changes with every role write, so every process knows to read roles again.</summary>
    public const string StampDocumentName = "RolesStamp";

    /// <summary>Watched by <see cref="StoreVersions"/>, so every process's permission cache follows role writes.</summary>
    public static readonly WatchedDocument Stamp = new(StampDocumentName);

    private readonly Dictionary<string, IReadOnlySet<string>> _permissions = new(StringComparer.OrdinalIgnoreCase);

    public Task<Role?> FindAsync(string name) => roles.FindByNameAsync(name.Trim());

    public async Task<IReadOnlyList<Role>> ListAsync(CancellationToken ct = default) =>
        await db.Roles.OrderBy(r => r.Name).ToListAsync(ct);

    /// <summary>Creates the built-in roles that are missing, each with its default permissions.</summary>
    public async Task EnsureBuiltInRolesAsync(CancellationToken ct = default)
    {
        foreach (var name in BuiltInRoles.Names)
        {
            if (await FindAsync(name) is null)
            {
                await SaveAsync(name, name, [], PermissionBehavior.Add, ct);
            }
        }
    }

    /// <summary>The names of the permissions a role holds (empty for a role that does not exist), ignoring case.</summary>
    public async Task<IReadOnlySet<string>> GetPermissionsAsync(string roleName, CancellationToken ct = default)
    {
        if (_permissions.TryGetValue(roleName, out var cached))
        {
            return cached;
        }
        // Inside a transaction (an import) what is read may yet be rolled back, so it is not kept.
        var keep = db.Database.CurrentTransaction is null;
        // The version is read before the permissions, so what is kept is never older than the version it is kept under.
        var version = keep ? (await versions.GetAsync(ct)).Of(Stamp) : 0;
        if (keep && shared.TryGet(version, roleName, out var known))
        {
            _permissions[roleName] = known;
            return known;
        }
        var role = await FindAsync(roleName);
        var names = role is null ? [] : await PermissionClaims(role).Select(c => c.ClaimValue!).ToListAsync(ct);
        var set = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (keep)
        {
            _permissions[roleName] = set;
            shared.Set(version, roleName, set);
        }
        return set;
    }

    /// <summary>
    /// Creates or updates a role and combines the given permissions with its own. As in Orchard, a newly created
    /// built-in role also gets its default permissions, and Administrator stores none since it holds them all.
    /// Known permission names are stored with their catalogue spelling; unknown ones are kept as given.
    /// </summary>
    public async Task<Role> SaveAsync(string name, string? description, IEnumerable<string> permissions, PermissionBehavior behavior, CancellationToken ct = default)
    {
        name = BuiltInRoles.Canonical(name.Trim());
        var role = await FindAsync(name);
        var isNew = role is null;
        var changed = isNew;
        if (role is null)
        {
            role = new Role { Name = name, Description = description };
            IdentityFailureException.ThrowIfFailed(await roles.CreateAsync(role), $"The role '{name}' could not be created");
        }
        else if (description is not null && description != role.Description)
        {
            role.Description = description;
            changed = true;
            IdentityFailureException.ThrowIfFailed(await roles.UpdateAsync(role), $"The role '{name}' could not be updated");
        }

        var claims = await PermissionClaims(role).ToListAsync(ct);
        var held = claims.Select(c => c.ClaimValue!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wanted = await SpellAsync(permissions, ct);
        List<string> next = behavior switch
        {
            PermissionBehavior.Replace => wanted,
            PermissionBehavior.Add => [.. held, .. wanted],
            PermissionBehavior.Remove => held.Where(p => !wanted.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(behavior)),
        };
        if (isNew && BuiltInRoles.Defaults.TryGetValue(name, out var defaults))
        {
            next = [.. next, .. defaults.Select(d => d.Name)];
        }
        if (BuiltInRoles.IsAdministrator(name))
        {
            next = [];
        }
        var nextSet = next.ToHashSet(StringComparer.OrdinalIgnoreCase);

        var removed = claims.Where(c => !nextSet.Contains(c.ClaimValue!)).ToList();
        var added = nextSet.Where(p => !held.Contains(p)).ToList();
        db.RoleClaims.RemoveRange(removed);
        foreach (var permission in added)
        {
            db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = Permission.ClaimType, ClaimValue = permission });
        }
        await db.SaveChangesAsync(ct);
        if (changed || removed.Count > 0 || added.Count > 0)
        {
            await documents.SaveAsync(StampDocumentName, new Dictionary<string, string>(), ct);
        }
        _permissions.Clear();
        return role;
    }

    /// <summary>
    /// Deletes a role with its permissions and its place in every user's roles; false when there is no such role.
    /// Administrator, Anonymous and Authenticated stand for kinds of caller and are refused.
    /// </summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        if (BuiltInRoles.IsSystem(name.Trim()))
        {
            throw new InvalidOperationException($"The built-in role '{BuiltInRoles.Canonical(name.Trim())}' cannot be deleted.");
        }
        if (await FindAsync(name) is not { } role) return false;
        // Identity's model deletes the role's claims and user links with it (cascade).
        IdentityFailureException.ThrowIfFailed(await roles.DeleteAsync(role), $"The role '{role.Name}' could not be deleted");
        await documents.SaveAsync(StampDocumentName, new Dictionary<string, string>(), ct);
        _permissions.Clear();
        return true;
    }

    /// <summary>Forget cached permissions, e.g. after a rolled-back import or a change made in another scope.</summary>
    public void Reset() => _permissions.Clear();

    private IQueryable<IdentityRoleClaim<string>> PermissionClaims(Role role) =>
        db.RoleClaims.Where(c => c.RoleId == role.Id && c.ClaimType == Permission.ClaimType);

    private async Task<List<string>> SpellAsync(IEnumerable<string> permissions, CancellationToken ct)
    {
        var spelled = new List<string>();
        foreach (var permission in permissions.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var name = (await catalogue.FindAsync(permission, ct))?.Name ?? permission;
            if (!spelled.Contains(name, StringComparer.OrdinalIgnoreCase)) spelled.Add(name);
        }
        return spelled;
    }
}
