// Why: the site's plain-English word list is a setting, for those who manage settings.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Writing;

internal sealed record WritingMenuItem() : AdminMenuItem("Plain-English word list", WordListModel.Path, Permissions.ManageSettings, 50,
    AdminMenuGroups.Site, "The words the writing checks suggest plainer ones for.");
