// Why: a role's permissions are replaced by what is ticked, through RoleService: it bumps the roles stamp, so this
// node's permission cache forgets the role at once and every other node's within its poll of the store (a second).
// Administrator holds every permission without storing any, so only its description can change.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Roles;

public sealed class EditRoleModel(
    RoleService roles, ContentDbContext db, StoreTransaction transaction, PermissionCatalogue catalogue,
    ContentDefinitionStore definitions, AuditTrail audit)
    : RoleForm(catalogue, definitions, audit)
{
    public Role Role { get; private set; } = null!;
    public int Users { get; private set; }
    public bool IsAdministrator => BuiltInRoles.IsAdministrator(Role.Name!);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageRoles) is { } refused) return refused;
        if (!await LoadAsync(id)) return NotFound();
        Description = Role.Description;
        Chosen = [.. await HeldAsync()];
        await LoadGroupsAsync(Chosen);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageRoles) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        ModelState.Clear();
        if (!await LoadAsync(id)) return NotFound();
        var before = await HeldAsync();
        await LoadGroupsAsync(before);
        IReadOnlyList<string>? chosen = IsAdministrator ? [] : ReadChosen();
        if (!ModelState.IsValid) return Page();

        var description = Description?.Trim() ?? "";
        var change = Difference(before, chosen!);
        var described = description != (Role.Description ?? "");
        await transaction.RunAsync(async () =>
        {
            await roles.SaveAsync(Role.Name!, description, chosen!, PermissionBehavior.Replace, ct);
            if (change is not null || described)
            {
                await RecordAsync(AuditKind.RoleUpdated, Role.Name!, string.Join("; ", new[] { described ? "description changed" : null, change }.OfType<string>()));
            }
        }, ct);
        TempData["Banner"] = change is null && !described ? "Nothing was changed." : $"The role {Role.Name} was saved.";
        return Redirect(EditPath(Role.Id));
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await db.Roles.FindAsync([id], HttpContext.RequestAborted) is not { } found) return false;
        Role = found;
        Users = await RoleUsers.CountAsync(db, found.Id, HttpContext.RequestAborted);
        return true;
    }

    // Read afresh (not from the permission cache), as stored.
    private async Task<IReadOnlyList<string>> HeldAsync()
    {
        roles.Reset();
        return [.. (await roles.GetPermissionsAsync(Role.Name!, HttpContext.RequestAborted)).Order(StringComparer.OrdinalIgnoreCase)];
    }
}
