// Why: the header stays short however many features there are: the everyday pages sit in it, configuration pages
// are grouped on one page the header links to.
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Navigation;

/// <summary>The entries a user may follow, in order: the features' own, then the links of recipes' AdminMenu steps.</summary>
public sealed class AdminMenu(IEnumerable<AdminMenuItem> items, PermissionService permissions, RecipeAdminMenus recipeMenus)
{
    /// <summary>The Configuration page, listing every grouped entry.</summary>
    public const string ConfigurationPath = AdminServices.PathPrefix + "/configuration";

    /// <summary>Every entry the user may follow, the header's and the grouped ones.</summary>
    public async Task<IReadOnlyList<AdminMenuItem>> ForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visible = new List<AdminMenuItem>();
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

    /// <summary>The header's entries: the ungrouped ones, with "Configuration" before the last (the account) when any grouped entry is visible.</summary>
    public static IReadOnlyList<AdminMenuItem> Header(IReadOnlyList<AdminMenuItem> visible)
    {
        var header = visible.Where(i => i.Group is null).ToList();
        if (visible.Any(i => i.Group is not null))
        {
            var configuration = new ConfigurationMenuItem();
            var at = header.FindIndex(i => i.Order > configuration.Order);
            header.Insert(at < 0 ? header.Count : at, configuration);
        }
        return header;
    }

    /// <summary>The grouped entries under their headings, in <see cref="AdminMenuGroups.InOrder"/> (unknown groups last).</summary>
    public static IReadOnlyList<IGrouping<string, AdminMenuItem>> Groups(IReadOnlyList<AdminMenuItem> visible) =>
        [.. visible.Where(i => i.Group is not null).GroupBy(i => i.Group!)
            .OrderBy(g => Array.IndexOf(AdminMenuGroups.InOrder, g.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(g => g.Key, StringComparer.Ordinal)];

    /// <summary>Whether the header entry is current for <paramref name="path"/>: its page or one below it (the
    /// dashboard only itself); "Configuration" also for every grouped entry's pages.</summary>
    public static bool IsCurrent(AdminMenuItem item, string path, IReadOnlyList<AdminMenuItem> visible) =>
        Covers(item, path) || item is ConfigurationMenuItem && visible.Any(i => i.Group is not null && Covers(i, path));

    private static bool Covers(AdminMenuItem item, string path) =>
        string.Equals(path.TrimEnd('/'), item.Href, StringComparison.OrdinalIgnoreCase)
        || item.Href != AdminServices.PathPrefix && path.StartsWith(item.Href + "/", StringComparison.OrdinalIgnoreCase);

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
    private sealed record RecipeMenuItem(string Text, string Href) : AdminMenuItem(Text, Href, Permissions.AccessAdminPanel, int.MaxValue);

    /// <summary>The header's link to the Configuration page; never registered, added when a grouped entry is visible.</summary>
    private sealed record ConfigurationMenuItem() : AdminMenuItem("Configuration", ConfigurationPath, Permissions.AccessAdminPanel, 950);
}

internal static class AdminMenuRegistration
{
    public static IServiceCollection AddAdminMenu(this IServiceCollection services)
    {
        var items = typeof(AdminMenuItem).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsNestedPrivate: false } && typeof(AdminMenuItem).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null);
        foreach (var type in items)
        {
            services.AddSingleton(typeof(AdminMenuItem), type);
        }
        services.AddScoped<AdminMenu>();
        return services;
    }
}
