using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Items;

namespace OneDigital.Content.Recipes.Stored;

/// <summary>A link of an Orchard admin menu (LinkAdminNode) that the admin's navigation shows.</summary>
/// <param name="PermissionNames">Shown to holders of any of them; to every admin user when empty (Orchard's rule).</param>
public sealed record RecipeAdminMenuLink(string Text, string Href, IReadOnlyList<string> PermissionNames);

/// <summary>
/// Orchard's <c>AdminMenu</c> step as the admin's navigation reads it: the step is kept as its JSON (exported back
/// unchanged) and read here into the links of its enabled menus' enabled LinkAdminNodes, tree order, depth first (a
/// disabled node hides its children, as in Orchard). Link URLs are checked at import by <see cref="SafeHref"/>.
/// </summary>
public sealed class RecipeAdminMenus(StoredRecipeSteps steps)
{
    public const string StepName = "AdminMenu";

    public async Task<IReadOnlyList<RecipeAdminMenuLink>> LinksAsync(CancellationToken ct = default)
    {
        var links = new List<RecipeAdminMenuLink>();
        foreach (var step in await steps.GetAsync(StepName, ct))
        {
            foreach (var menu in (JsonValues.Property(step, "data") as JsonArray ?? []).OfType<JsonObject>())
            {
                if (IsEnabled(menu)) Collect(JsonValues.Property(menu, "MenuItems") as JsonArray, links);
            }
        }
        return links;
    }

    /// <summary>
    /// The link as the admin writes it, or null when it is not safe to follow: a site path (<c>/x</c>, or Orchard's
    /// <c>~/x</c> and bare <c>x</c> read as <c>/x</c>) or an absolute http(s) URL. Any other scheme (javascript:,
    /// data:...), a protocol-relative <c>//host</c> or a backslash is refused.
    /// </summary>
    public static string? SafeHref(string? url)
    {
        var trimmed = url?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Any(c => char.IsControl(c) || c == '\\')) return null;
        if (trimmed.StartsWith("~/", StringComparison.Ordinal)) trimmed = trimmed[1..];
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && !trimmed.StartsWith('/'))
        {
            return absolute.Scheme is "http" or "https" ? trimmed : null;
        }
        var colon = trimmed.IndexOf(':');
        var firstSlash = trimmed.IndexOf('/');
        if (colon >= 0 && (firstSlash < 0 || colon < firstSlash)) return null;
        if (trimmed.StartsWith("//", StringComparison.Ordinal)) return null;
        return trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }

    private static void Collect(JsonArray? nodes, List<RecipeAdminMenuLink> links)
    {
        foreach (var node in (nodes ?? []).OfType<JsonObject>())
        {
            if (!IsEnabled(node)) continue;
            if (IsLink(node) && JsonValues.NonEmptyString(JsonValues.Property(node, "LinkText")) is { } text
                && SafeHref(JsonValues.NonEmptyString(JsonValues.Property(node, "LinkUrl"))) is { } href)
            {
                var permissions = (JsonValues.Property(node, "PermissionNames") as JsonArray ?? [])
                    .Select(p => JsonValues.NonEmptyString(p)).OfType<string>().ToList();
                links.Add(new RecipeAdminMenuLink(text, href, permissions));
            }
            Collect(JsonValues.Property(node, "Items") as JsonArray, links);
        }
    }

    /// <summary>Orchard names a node's kind in <c>$type</c>; a node without one that has a LinkUrl is read as a link.</summary>
    public static bool IsLink(JsonObject node) =>
        JsonValues.NonEmptyString(node["$type"]) is { } type ? type.Contains("LinkAdminNode", StringComparison.Ordinal) : JsonValues.Property(node, "LinkUrl") is not null;

    private static bool IsEnabled(JsonObject obj) => JsonValues.Property(obj, "Enabled") is not JsonValue v || v.GetValueKind() != JsonValueKind.False;
}
