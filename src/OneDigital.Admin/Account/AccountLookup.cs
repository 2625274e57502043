// Why: signing in and asking for a reset both take "user name or email"; one lookup, so both find the same account.
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

internal static class AccountLookup
{
    /// <summary>By user name, else by email when exactly one account has it (emails need not be unique).</summary>
    public static async Task<User?> FindByNameOrEmailAsync(this UserManager<User> users, string nameOrEmail, CancellationToken ct)
    {
        if (await users.FindByNameAsync(nameOrEmail) is { } byName) return byName;
        if (!nameOrEmail.Contains('@', StringComparison.Ordinal)) return null;
        var email = users.NormalizeEmail(nameOrEmail);
        var matches = await users.Users.Where(u => u.NormalizedEmail == email).Take(2).ToListAsync(ct);
        return matches.Count == 1 ? matches[0] : null;
    }
}
