using Microsoft.AspNetCore.Identity;
using OneDigital.Content.Store;

namespace OneDigital.Content.Security;

/// <summary>
/// Creates the site's first administrator. Run it after the setup recipe: like Orchard's setup, the recipe's Roles
/// step sees the built-in roles as new (and so gives them their default permissions), then the roles it left out
/// are created here.
/// </summary>
public sealed class AdminAccount(UserManager<User> users, RoleService roles, ContentDbContext db)
{
    /// <summary>
    /// Makes sure a user with this name exists and is in the Administrator role, and returns its id. An existing user
    /// keeps its password and email. Throws <see cref="IdentityFailureException"/> with Identity's reasons, for
    /// instance when the password is too weak; nothing is then written.
    /// </summary>
    public async Task<string> EnsureAsync(string userName, string email, string password, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await roles.EnsureBuiltInRolesAsync(ct);
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new User { UserName = userName, Email = email, EmailConfirmed = true };
                IdentityFailureException.ThrowIfFailed(await users.CreateAsync(user, password), $"The admin user '{userName}' could not be created");
            }
            if (!await users.IsInRoleAsync(user, BuiltInRoles.Administrator))
            {
                IdentityFailureException.ThrowIfFailed(await users.AddToRoleAsync(user, BuiltInRoles.Administrator), $"The user '{userName}' could not be made an administrator");
            }
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return user.Id;
        }
        catch
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                roles.Reset();
            }
            throw;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}
