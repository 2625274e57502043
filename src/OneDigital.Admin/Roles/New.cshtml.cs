// Why: a new role is named once (users, partner applications and recipes refer to it by name) and may be given its
// permissions on the same page. It is written through RoleService, which bumps the roles stamp every node watches.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Roles;

public sealed class NewRoleModel(
    RoleService roles, StoreTransaction transaction, PermissionCatalogue catalogue, ContentDefinitionStore definitions, AuditTrail audit)
    : RoleForm(catalogue, definitions, audit)
{
    public const int MaxNameLength = 100;

    [BindProperty] public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageRoles) is { } refused) return refused;
        await LoadGroupsAsync([]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(Permissions.ManageRoles) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        ModelState.Clear();
        await LoadGroupsAsync([]);
        var name = Name?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError(nameof(Name), "Enter a name for the role");
        else if (name.Length > MaxNameLength) ModelState.AddModelError(nameof(Name), $"The name must be {MaxNameLength} characters or fewer");
        // Partner applications and the command line list roles separated by commas.
        else if (name.Contains(',', StringComparison.Ordinal)) ModelState.AddModelError(nameof(Name), "The name cannot contain a comma");
        else if (await roles.FindAsync(name) is { } existing) ModelState.AddModelError(nameof(Name), $"There is already a role named {existing.Name}");
        var chosen = ReadChosen();
        if (!ModelState.IsValid) return Page();

        var role = await transaction.RunAsync(async () =>
        {
            var saved = await roles.SaveAsync(name, Description?.Trim() ?? "", chosen!, PermissionBehavior.Replace, ct);
            await RecordAsync(AuditKind.RoleCreated, saved.Name!, Difference([], [.. await roles.GetPermissionsAsync(saved.Name!, ct)]));
            return saved;
        }, ct);
        TempData["Banner"] = $"The role {role.Name} was added.";
        return Redirect(EditPath(role.Id));
    }
}
