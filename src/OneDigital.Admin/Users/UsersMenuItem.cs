// Why: people who may sign in to the admin are managed on the Configuration page, under users and security.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Users;

internal sealed record UsersMenuItem() : AdminMenuItem("Users", UsersModel.Path, Permissions.ManageUsers, 10, AdminMenuGroups.Security, "Add people, give them roles, disable or delete their accounts and send password resets.");
