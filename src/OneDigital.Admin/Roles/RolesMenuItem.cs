// Why: what each role may do is set on the Configuration page, under users and security, beside the users.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Roles;

internal sealed record RolesMenuItem() : AdminMenuItem("Roles", RolesModel.Path, Permissions.ManageRoles, 20, AdminMenuGroups.Security, "Create roles and choose their permissions, for every feature and for each content type.");
