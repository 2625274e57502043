// Why: the roles and how many people hold each, the way into each role's permissions and its deletion.
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneDigital.Admin.Security;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Roles;

public sealed class RolesModel(RoleService roles, ContentDbContext db) : AdminPage
{
    public const string Path = AdminServices.PathPrefix + "/roles";

    public sealed record Row(Role Role, int Users);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageRoles) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var counts = await RoleUsers.CountsAsync(db, ct);
        Rows = [.. (await roles.ListAsync(ct)).Select(r => new Row(r, counts.GetValueOrDefault(r.Id)))];
        return Page();
    }
}

internal static class RoleUsers
{
    /// <summary>How many users hold each role, by role id.</summary>
    public static async Task<Dictionary<string, int>> CountsAsync(ContentDbContext db, CancellationToken ct) =>
        await db.UserRoles.GroupBy(l => l.RoleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    public static Task<int> CountAsync(ContentDbContext db, string roleId, CancellationToken ct) =>
        db.UserRoles.CountAsync(l => l.RoleId == roleId, ct);
}
