// Why: every editor manages their own password, email and two-factor sign-in; the entry sits last in the header.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Account;

internal sealed record AccountMenuItem() : AdminMenuItem("Your account", AccountModel.Path, Permissions.AccessAdminPanel, 1000);
