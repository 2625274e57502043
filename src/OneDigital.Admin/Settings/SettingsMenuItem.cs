// Why: the site's own settings (name, time zone, page size, email, media limits) sit under Site settings on the
// Configuration page, for those who manage settings.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Settings;

internal sealed record SettingsMenuItem() : AdminMenuItem("General settings", IndexModel.Path, Permissions.ManageSettings, 10,
    AdminMenuGroups.Site, "The site's name, time zone, page size, email server and media upload limits.");
