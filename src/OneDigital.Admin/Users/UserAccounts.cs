// Why: the users pages share a few questions about accounts (who the enabled administrators are, when someone last
// signed in, which roles can be given) and one way to record a change. Last sign-in is read from the audit trail's
// SignIn rows, which sign-in already writes, so no column or migration is needed for it.
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Audit;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Users;

public sealed class UserAccounts(UserManager<User> users, RoleService roles, ContentDbContext db, AuditTrail audit)
{
    /// <summary>The roles a person can be given: every role but those that stand for kinds of caller (Anonymous, Authenticated).</summary>
    public async Task<IReadOnlyList<Role>> AssignableRolesAsync(CancellationToken ct) =>
        [.. (await roles.ListAsync(ct)).Where(r => r.Name is { } n && (BuiltInRoles.IsAdministrator(n) || !BuiltInRoles.IsSystem(n)))];

    /// <summary>Each of these users' role names, in name order.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> RolesOfAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var pairs = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where userIds.Contains(link.UserId)
                           select new { link.UserId, role.Name }).ToListAsync(ct);
        return userIds.ToDictionary(id => id, id => (IReadOnlyList<string>)
            [.. pairs.Where(p => p.UserId == id && p.Name is not null).Select(p => p.Name!).Order(StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>When each of these users last signed in (UTC), for those who ever did and whose rows the trail still keeps.</summary>
    public async Task<IReadOnlyDictionary<string, DateTime>> LastSignInsAsync(IReadOnlyCollection<string> userNames, CancellationToken ct)
    {
        // Sign-in rows name the account; the (UserName, OccurredUtc) index answers this per name.
        var rows = await db.Set<AuditEvent>().AsNoTracking()
            .Where(e => e.Kind == AuditKind.SignIn && e.UserName != null && userNames.Contains(e.UserName))
            .GroupBy(e => e.UserName!)
            .Select(g => new { Name = g.Key, Last = g.Max(e => e.OccurredUtc) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Name, r => DateTime.SpecifyKind(r.Last, DateTimeKind.Utc), StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether this change would leave the site without an enabled administrator: <paramref name="user"/> is one now
    /// and, after it, would not be (disabled, demoted or deleted), and no other enabled administrator exists.
    /// </summary>
    public async Task<bool> IsLastEnabledAdministratorAsync(User user, CancellationToken ct)
    {
        if (!user.IsEnabled || !await users.IsInRoleAsync(user, BuiltInRoles.Administrator)) return false;
        var administrators = await users.GetUsersInRoleAsync(BuiltInRoles.Administrator);
        return !administrators.Any(a => a.Id != user.Id && a.IsEnabled);
    }

    /// <summary>
    /// Inside a change's transaction, after the change: refuses it (<see cref="LastAdministratorException"/>, so the
    /// transaction rolls back) when no enabled administrator is left. The pages check before too, for a message beside
    /// the field; this closes the gap between that check and the commit, where two administrators demoting or deleting
    /// each other at once would both pass it. The Administrator role's row is locked first: a second such change waits
    /// for the first to commit and then counts with it (on PostgreSQL under read committed; SQLite's one writer
    /// serialises them already).
    /// </summary>
    public async Task EnsureAnAdministratorRemainsAsync(User changed, string what, CancellationToken ct)
    {
        var administrator = users.NormalizeName(BuiltInRoles.Administrator);
        await db.Roles.Where(r => r.NormalizedName == administrator)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp), ct);
        var enabled = await (from link in db.UserRoles
                             join role in db.Roles on link.RoleId equals role.Id
                             join user in db.Users on link.UserId equals user.Id
                             where role.NormalizedName == administrator && user.IsEnabled
                             select user.Id).AnyAsync(ct);
        if (!enabled) throw new LastAdministratorException(LastAdministratorMessage(changed.UserName!, what));
    }

    /// <summary>Records a change to an account, made by the signed-in administrator (the scope's actor).</summary>
    public Task RecordAsync(AuditKind kind, User user, string? detail, CancellationToken ct) =>
        audit.RecordAsync(new AuditEntry(kind) { DisplayText = $"User {user.UserName}", Detail = detail }, ct);

    /// <summary>The message refusing to disable, demote or delete the last enabled administrator (<paramref name="what"/>: "disabled"...).</summary>
    public static string LastAdministratorMessage(string userName, string what) =>
        $"{userName} is the last enabled administrator, so they cannot be {what}: make another user an administrator first";
}

/// <summary>A change that would have left the site without an enabled administrator; nothing of it was kept.</summary>
public sealed class LastAdministratorException(string message) : InvalidOperationException(message);

public static class UsersServices
{
    public static IServiceCollection AddAdminUsers(this IServiceCollection services) => services.AddScoped<UserAccounts>();
}
