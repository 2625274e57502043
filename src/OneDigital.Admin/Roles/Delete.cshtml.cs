// Why: deleting a role takes its permissions from everyone who holds it, so the page says how many do before the
// POST. The roles that stand for kinds of caller (Administrator, Anonymous, Authenticated) are refused with the reason.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Roles;

public sealed class DeleteRoleModel(RoleService roles, ContentDbContext db, StoreTransaction transaction, AuditTrail audit) : AdminPage
{
    public Role Role { get; private set; } = null!;
    public int Users { get; private set; }

    /// <summary>Why this role cannot be deleted, when it cannot.</summary>
    public string? Refusal => BuiltInRoles.IsSystem(Role.Name!)
        ? $"{Role.Name} is built in: it stands for {(BuiltInRoles.IsAdministrator(Role.Name!) ? "the site's administrators" : "a kind of caller")} and cannot be deleted. You can change its permissions instead"
        : null;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageRoles) is { } refused) return refused;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageRoles) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        // Already gone (a second click, another administrator): the outcome asked for holds.
        if (!await LoadAsync(id)) return Redirect(RolesModel.Path);
        if (Refusal is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }
        var name = Role.Name!;
        await transaction.RunAsync(async () =>
        {
            await roles.DeleteAsync(name, ct);
            await audit.RecordAsync(new AuditEntry(AuditKind.RoleDeleted) { DisplayText = $"Role {name}", Detail = $"held by {Users} users" }, ct);
        }, ct);
        TempData["Banner"] = $"The role {name} was deleted.";
        return Redirect(RolesModel.Path);
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await db.Roles.FindAsync([id], HttpContext.RequestAborted) is not { } found) return false;
        Role = found;
        Users = await RoleUsers.CountAsync(db, found.Id, HttpContext.RequestAborted);
        return true;
    }
}
