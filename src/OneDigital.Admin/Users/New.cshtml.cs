// Why: an administrator adds a person with a password they pass on, or lets the person choose one from an emailed
// link (the forgot-password email, which works once for an hour). The account, its roles and the audit row are one
// transaction; the email goes after it commits.
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

public sealed class NewUserModel(
    UserManager<User> users, UserAccounts accounts, StoreTransaction transaction, PasswordResetMail resetMail,
    IOptions<IdentityOptions> identity) : AdminPage
{
    public const string SetPassword = "set";
    public const string EmailLink = "email";

    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? PasswordChoice { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];

    public IReadOnlyList<Role> Assignable { get; private set; } = [];
    public int MinimumLength => identity.Value.Password.RequiredLength;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageUsers) is { } refused) return refused;
        Assignable = await accounts.AssignableRolesAsync(HttpContext.RequestAborted);
        PasswordChoice = EmailLink;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(Permissions.ManageUsers) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        ModelState.Clear();
        Assignable = await accounts.AssignableRolesAsync(ct);
        var name = UserName?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError(nameof(UserName), "Enter a user name");
        else if (await users.FindByNameAsync(name) is not null) ModelState.AddModelError(nameof(UserName), $"There is already a user named {name}");
        var byEmail = PasswordChoice == EmailLink;
        if (PasswordChoice is not (SetPassword or EmailLink)) ModelState.AddModelError(nameof(PasswordChoice), "Choose how the user gets a password");
        var email = await UserForm.CheckEmailAsync(users, Email, null, required: byEmail, ModelState, ct);
        if (PasswordChoice == SetPassword)
        {
            if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter a password");
            else if (ConfirmPassword != Password) ModelState.AddModelError(nameof(ConfirmPassword), "Enter the same password twice");
        }
        var roles = UserForm.CheckRoles(Roles, Assignable, ModelState);
        if (!ModelState.IsValid) return Page();

        var user = new User { UserName = name, Email = email!.Length == 0 ? null : email, EmailConfirmed = email.Length > 0 };
        var created = await transaction.RunAsync(async () =>
        {
            var result = byEmail ? await users.CreateAsync(user) : await users.CreateAsync(user, Password!);
            if (!result.Succeeded)
            {
                AddIdentityErrors(result);
                return false;
            }
            if (roles!.Count > 0) IdentityFailureException.ThrowIfFailed(await users.AddToRolesAsync(user, roles), $"The user '{name}' could not be given their roles");
            await accounts.RecordAsync(AuditKind.UserCreated, user, roles.Count == 0 ? "no roles" : $"roles: {string.Join(", ", roles)}", ct);
            return true;
        }, ct);
        if (!created) return Page();
        if (byEmail) await resetMail.RequestAsync(name, HttpContext);
        TempData["Banner"] = byEmail ? $"{name} was added and sent an email to choose a password." : $"{name} was added.";
        return Redirect(UsersModel.EditPath(user.Id));
    }

    private void AddIdentityErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            switch (error.Code)
            {
                case nameof(IdentityErrorDescriber.DuplicateUserName): ModelState.AddModelError(nameof(UserName), $"There is already a user named {UserName?.Trim()}"); break;
                case nameof(IdentityErrorDescriber.InvalidUserName): ModelState.AddModelError(nameof(UserName), "A user name can only have letters, numbers and - . _ @ +"); break;
                case nameof(IdentityErrorDescriber.InvalidEmail): ModelState.AddModelError(UserForm.EmailField, "Enter an email address in the correct format, like name@example.org"); break;
                default:
                    if (error.Code.StartsWith("Password", StringComparison.Ordinal))
                    {
                        if (!ModelState.ContainsKey(nameof(Password))) ModelState.AddModelError(nameof(Password), PasswordMessages.For(result.Errors, identity.Value.Password));
                    }
                    else ModelState.AddModelError("", error.Description);
                    break;
            }
        }
    }

    public RadiosField PasswordChoiceField() => new(nameof(PasswordChoice), "How do they get a password?",
        [new Choice(EmailLink, "Email them a link to choose their own password") { Selected = PasswordChoice == EmailLink, Hint = "The link works once, for a limited time" },
         new Choice(SetPassword, "Set a password now and tell them it") { Selected = PasswordChoice == SetPassword }]);
}
