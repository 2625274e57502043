// Why: partner applications are configuration: they sit with the other integrations on /admin/configuration.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Partners;

internal sealed record PartnersMenuItem() : AdminMenuItem("Partner applications", PartnersModel.Path, Permissions.ManageApplications, 10,
    AdminMenuGroups.Integrations, "Register partner sites that get API tokens with a client id and secret, choose their roles, rotate or revoke them.");
