// Why: several features add pages at once; each adds its menu entry as a class in its own folder, found when the
// admin starts, so no one edits the layout or a shared list to appear in the header.
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Navigation;

/// <summary>
/// An entry of the admin's header navigation. Implement it (a sealed class with a parameterless constructor) in the
/// feature's folder; it is registered by itself.
/// </summary>
public interface IAdminMenuItem
{
    string Text { get; }

    /// <summary>Where it leads; the entry is marked current for this path and the paths below it.</summary>
    string Href { get; }

    /// <summary>Shown only to users holding it.</summary>
    Permission Permission { get; }

    /// <summary>Lower first.</summary>
    int Order { get; }
}

/// <summary>The entries a user may follow, in order: the features' own, then the links of recipes' AdminMenu steps.</summary>
public sealed class AdminMenu(IEnumerable<IAdminMenuItem> items, PermissionService permissions, RecipeAdminMenus recipeMenus)
{
    public async Task<IReadOnlyList<IAdminMenuItem>> ForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visible = new List<IAdminMenuItem>();
        foreach (var item in items.OrderBy(i => i.Order).ThenBy(i => i.Text, StringComparer.Ordinal))
        {
            if (await permissions.IsGrantedAsync(user, item.Permission, ct: ct)) visible.Add(item);
        }
        foreach (var link in await recipeMenus.LinksAsync(ct))
        {
            if (await HoldsAnyAsync(user, link.PermissionNames, ct)) visible.Add(new RecipeMenuItem(link.Text, link.Href));
        }
        return visible;
    }

    // Orchard shows a link node to holders of any of its permissions, and to everyone when it names none.
    private async Task<bool> HoldsAnyAsync(ClaimsPrincipal user, IReadOnlyList<string> names, CancellationToken ct)
    {
        if (names.Count == 0) return true;
        foreach (var name in names)
        {
            if (await permissions.IsGrantedAsync(user, name, ct: ct)) return true;
        }
        return false;
    }

    /// <summary>A recipe's admin menu link (shown after the features' entries; every admin page already needs AccessAdminPanel).</summary>
    private sealed record RecipeMenuItem(string Text, string Href) : IAdminMenuItem
    {
        public Permission Permission => Permissions.AccessAdminPanel;

        public int Order => int.MaxValue;
    }

    /// <summary>Whether <paramref name="path"/> is the item's page or one below it (the dashboard only itself).</summary>
    public static bool IsCurrent(IAdminMenuItem item, string path) =>
        string.Equals(path.TrimEnd('/'), item.Href, StringComparison.OrdinalIgnoreCase)
        || item.Href != AdminServices.PathPrefix && path.StartsWith(item.Href + "/", StringComparison.OrdinalIgnoreCase);
}

internal static class AdminMenuRegistration
{
    public static IServiceCollection AddAdminMenu(this IServiceCollection services)
    {
        var items = typeof(IAdminMenuItem).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAdminMenuItem).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null);
        foreach (var type in items)
        {
            services.AddSingleton(typeof(IAdminMenuItem), type);
        }
        services.AddScoped<AdminMenu>();
        return services;
    }
}
