// Why: deleting an account cannot be undone, so it is a confirmation page and a POST. The person's content is not
// touched: items keep their Owner (the user id) and Author (the name) as written, and no table refers to the user
// except Identity's own (their roles, claims, logins and tokens go with them).
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Audit;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Users;

public sealed class DeleteUserModel(UserManager<User> users, UserAccounts accounts, ContentQuery content, StoreTransaction transaction) : AdminPage
{
    public User Account { get; private set; } = null!;
    public int OwnedItems { get; private set; }

    /// <summary>Why this account cannot be deleted, when it cannot.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageUsers) is { } refused) return refused;
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageUsers) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        // Already gone (a second click, another administrator): the outcome asked for holds.
        if (await users.FindByIdAsync(id) is null) return Redirect(UsersModel.Path);
        if (!await LoadAsync(id)) return NotFound();
        if (Refusal is not null)
        {
            ModelState.AddModelError("", Refusal);
            return Page();
        }
        var name = Account.UserName;
        try
        {
            await transaction.RunAsync(async () =>
            {
                IdentityFailureException.ThrowIfFailed(await users.DeleteAsync(Account), $"The user '{name}' could not be deleted");
                await accounts.RecordAsync(AuditKind.UserDeleted, Account, $"{OwnedItems} content items keep them as owner and author", ct);
                await accounts.EnsureAnAdministratorRemainsAsync(Account, "deleted", ct);
            }, ct);
        }
        catch (LastAdministratorException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }
        TempData["Banner"] = $"{name} was deleted.";
        return Redirect(UsersModel.Path);
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } found) return false;
        var ct = HttpContext.RequestAborted;
        Account = found;
        OwnedItems = await content.CountAsync(new ContentListRequest(null) { Status = ContentStatus.Latest, OwnedBy = new ContentOwner(found.Id) }, ct);
        if (users.GetUserId(User) == found.Id) Refusal = "You cannot delete your own account: ask another administrator";
        else if (await accounts.IsLastEnabledAdministratorAsync(found, ct)) Refusal = UserAccounts.LastAdministratorMessage(found.UserName!, "deleted");
        return true;
    }
}
