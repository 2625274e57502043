// Why: creating and editing a role show the same permission checkboxes and read them back the same way; a posted
// name the editor did not offer is refused rather than stored, so a role only ever gains what was on the page.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Roles;

public abstract class RoleForm(PermissionCatalogue catalogue, ContentDefinitionStore definitions, AuditTrail audit) : AdminPage
{
    public const string PermissionsField = "Permissions";

    [BindProperty] public string? Description { get; set; }
    [BindProperty(Name = PermissionsField)] public List<string> Chosen { get; set; } = [];

    public IReadOnlyList<PermissionGroup> Groups { get; private set; } = [];

    /// <summary>Builds the checkboxes; <paramref name="held"/> names the role's stored permissions, kept visible even when no feature defines them.</summary>
    protected async Task LoadGroupsAsync(IEnumerable<string> held)
    {
        var ct = HttpContext.RequestAborted;
        Groups = PermissionGroups.Build(await catalogue.ListAsync(ct), (await definitions.GetAsync(ct)).ContentTypes, held);
    }

    /// <summary>The chosen permissions as the editor spells them, or null (with a form error) when one was not offered.</summary>
    protected IReadOnlyList<string>? ReadChosen()
    {
        var offered = Groups.SelectMany(g => g.Permissions).GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);
        var chosen = new List<string>();
        foreach (var name in Chosen.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (offered.TryGetValue(name.Trim(), out var spelled)) chosen.Add(spelled);
            else ModelState.AddModelError(PermissionsField, $"There is no permission named {name.Trim()}");
        }
        return ModelState.ContainsKey(PermissionsField) ? null : chosen;
    }

    public bool IsChosen(string permission) => Chosen.Contains(permission, StringComparer.OrdinalIgnoreCase);

    /// <summary>Records a role change, by the signed-in administrator.</summary>
    protected Task RecordAsync(AuditKind kind, string roleName, string? detail) =>
        audit.RecordAsync(new AuditEntry(kind) { DisplayText = $"Role {roleName}", Detail = detail }, HttpContext.RequestAborted);

    /// <summary>"added: a, b; removed: c" between two sets of permission names, or null when equal.</summary>
    protected static string? Difference(IReadOnlyCollection<string> before, IReadOnlyCollection<string> after)
    {
        var added = after.Where(a => !before.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
        var removed = before.Where(b => !after.Contains(b, StringComparer.OrdinalIgnoreCase)).ToList();
        var parts = new List<string>();
        if (added.Count > 0) parts.Add($"permissions added: {string.Join(", ", added)}");
        if (removed.Count > 0) parts.Add($"permissions removed: {string.Join(", ", removed)}");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    public static string EditPath(string id) => $"{RolesModel.Path}/{Uri.EscapeDataString(id)}";
}
