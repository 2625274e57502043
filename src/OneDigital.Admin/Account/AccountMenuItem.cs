// Why: every editor manages their own password, email and two-factor sign-in; the entry sits last in the header.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Account;

internal sealed class AccountMenuItem : IAdminMenuItem
{
    public string Text => "Your account";

    public string Href => AccountModel.Path;

    public Permission Permission => Permissions.AccessAdminPanel;

    public int Order => 1000;
}
