// Why: the content list is where editors start; every admin user sees the entry, the list shows them what they may see.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ContentItems;

internal sealed class ContentListMenuItem : IAdminMenuItem
{
    public string Text => "Content";

    public string Href => ContentRoutes.List;

    public Permission Permission => Permissions.AccessAdminPanel;

    public int Order => 10;
}
