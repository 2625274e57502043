// Why: the content list is where editors start; every admin user sees the entry, the list shows them what they may see.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ContentItems;

internal sealed record ContentListMenuItem() : AdminMenuItem("Content", ContentRoutes.List, Permissions.AccessAdminPanel, 10);
