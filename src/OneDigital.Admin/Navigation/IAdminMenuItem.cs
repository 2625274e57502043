// Why: several features add pages at once; each adds its menu entry as a class in its own folder, found when the
// admin starts, so no one edits the layout or a shared list to appear in the header.
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>The entries a user may follow, in order.</summary>
public sealed class AdminMenu(IEnumerable<IAdminMenuItem> items, PermissionService permissions)
{
    public async Task<IReadOnlyList<IAdminMenuItem>> ForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visible = new List<IAdminMenuItem>();
        foreach (var item in items.OrderBy(i => i.Order).ThenBy(i => i.Text, StringComparer.Ordinal))
        {
            if (await permissions.IsGrantedAsync(user, item.Permission, ct: ct)) visible.Add(item);
        }
        return visible;
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
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAdminMenuItem).IsAssignableFrom(t));
        foreach (var type in items)
        {
            services.AddSingleton(typeof(IAdminMenuItem), type);
        }
        services.AddScoped<AdminMenu>();
        return services;
    }
}
