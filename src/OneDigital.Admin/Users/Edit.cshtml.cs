// Why: an administrator changes what an account may do (roles), whether it may sign in, and where its mail goes, and
// sends a password reset. The site must keep one enabled administrator, so a change that would disable or demote the
// last one is refused with the reason. A disabled or re-roled user's cookie stops working on their next request
// (Account/SignedInUserCheck compares the stored user with the cookie), on every node.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneDigital.Admin.Account;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Users;

public sealed class EditUserModel(
    UserManager<User> users, UserAccounts accounts, StoreTransaction transaction, PasswordResetMail resetMail,
    IOptions<AdminOptions> options, TimeProvider clock) : AdminPage
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? Status { get; set; }

    public User Account { get; private set; } = null!;
    public IReadOnlyList<Role> Assignable { get; private set; } = [];
    public DateTime? LastSignInUtc { get; private set; }
    public bool LockedOut { get; private set; }
    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageUsers) is { } refused) return refused;
        if (!await LoadAsync(id)) return NotFound();
        Email = Account.Email;
        Roles = [.. await users.GetRolesAsync(Account)];
        Status = Account.IsEnabled ? Enabled : Disabled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageUsers) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        ModelState.Clear();
        if (!await LoadAsync(id)) return NotFound();
        var email = await UserForm.CheckEmailAsync(users, Email, Account.Id, required: false, ModelState, ct);
        var chosen = UserForm.CheckRoles(Roles, Assignable, ModelState);
        if (Status is not (Enabled or Disabled)) ModelState.AddModelError(nameof(Status), "Choose whether the user may sign in");
        if (!ModelState.IsValid) return Page();

        var enable = Status == Enabled;
        if (await accounts.IsLastEnabledAdministratorAsync(Account, ct))
        {
            if (!enable) ModelState.AddModelError(nameof(Status), UserAccounts.LastAdministratorMessage(Account.UserName!, "disabled"));
            if (!chosen!.Any(BuiltInRoles.IsAdministrator)) ModelState.AddModelError(UserForm.RolesField, UserAccounts.LastAdministratorMessage(Account.UserName!, "taken out of the Administrator role"));
            if (!ModelState.IsValid) return Page();
        }

        var held = await users.GetRolesAsync(Account);
        // Roles nobody can be given here (Anonymous, Authenticated, if an import gave them) are left as they are.
        var removed = held.Where(h => Assignable.Any(a => string.Equals(a.Name, h, StringComparison.OrdinalIgnoreCase)) && !chosen!.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        var added = chosen!.Where(c => !held.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var changes = new List<string>();
        try
        {
            await transaction.RunAsync(async () =>
            {
                if (!string.Equals(email ?? "", Account.Email ?? "", StringComparison.Ordinal))
                {
                    changes.Add($"email: {Describe(Account.Email)} → {Describe(email)}");
                    IdentityFailureException.ThrowIfFailed(await users.SetEmailAsync(Account, email!.Length == 0 ? null : email), "The email could not be changed");
                }
                if (removed.Count > 0)
                {
                    changes.Add($"roles removed: {string.Join(", ", removed)}");
                    IdentityFailureException.ThrowIfFailed(await users.RemoveFromRolesAsync(Account, removed), "The roles could not be removed");
                }
                if (added.Count > 0)
                {
                    changes.Add($"roles added: {string.Join(", ", added)}");
                    IdentityFailureException.ThrowIfFailed(await users.AddToRolesAsync(Account, added), "The roles could not be added");
                }
                if (changes.Count > 0) await accounts.RecordAsync(AuditKind.UserUpdated, Account, string.Join("; ", changes), ct);
                if (enable != Account.IsEnabled)
                {
                    changes.Add(enable ? "enabled" : "disabled");
                    Account.IsEnabled = enable;
                    IdentityFailureException.ThrowIfFailed(await users.UpdateAsync(Account), "The account could not be changed");
                    await accounts.RecordAsync(enable ? AuditKind.UserEnabled : AuditKind.UserDisabled, Account, null, ct);
                }
                if (!enable || removed.Any(BuiltInRoles.IsAdministrator))
                {
                    await accounts.EnsureAnAdministratorRemainsAsync(Account, enable ? "taken out of the Administrator role" : "disabled", ct);
                }
            }, ct);
        }
        catch (LastAdministratorException ex)
        {
            ModelState.AddModelError(enable ? UserForm.RolesField : nameof(Status), ex.Message);
            return Page();
        }
        TempData["Banner"] = changes.Count == 0 ? "Nothing was changed." : $"{Account.UserName} was saved: {string.Join("; ", changes)}.";
        return Redirect(UsersModel.EditPath(Account.Id));
    }

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageUsers) is { } refused) return refused;
        ModelState.Clear();
        if (!await LoadAsync(id)) return NotFound();
        Email = Account.Email;
        Roles = [.. await users.GetRolesAsync(Account)];
        Status = Account.IsEnabled ? Enabled : Disabled;
        if (!Account.IsEnabled) ModelState.AddModelError("", $"{Account.UserName} is disabled: enable the account before sending a password reset");
        else if (string.IsNullOrEmpty(Account.Email)) ModelState.AddModelError(UserForm.EmailField, $"{Account.UserName} has no email address: add one and save first");
        if (!ModelState.IsValid) return Page();
        await resetMail.RequestAsync(Account.UserName!, HttpContext);
        TempData["Banner"] = $"A link to choose a new password was emailed to {Account.Email} (at most {options.Value.PasswordResetsPerHour} an hour are sent to one account).";
        return Redirect(UsersModel.EditPath(Account.Id));
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } found) return false;
        var ct = HttpContext.RequestAborted;
        Account = found;
        Assignable = await accounts.AssignableRolesAsync(ct);
        LastSignInUtc = (await accounts.LastSignInsAsync([found.UserName!], ct)).TryGetValue(found.UserName!, out var last) ? last : null;
        LockedOut = found.LockoutEnd > clock.GetUtcNow();
        IsSelf = users.GetUserId(User) == found.Id;
        return true;
    }

    private static string Describe(string? email) => string.IsNullOrEmpty(email) ? "none" : email;

    public RadiosField StatusField() => new(nameof(Status), "Can they sign in?",
        [new Choice(Enabled, "Enabled") { Selected = Status == Enabled },
         new Choice(Disabled, "Disabled") { Selected = Status == Disabled, Hint = "They cannot sign in, and a sign-in they have open ends at their next request" }])
    { Inline = false };
}
