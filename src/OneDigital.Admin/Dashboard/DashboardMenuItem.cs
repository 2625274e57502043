// Why: the dashboard is the admin's home and the first entry of its navigation.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Dashboard;

internal sealed class DashboardMenuItem : IAdminMenuItem
{
    public string Text => "Dashboard";

    public string Href => AdminServices.PathPrefix;

    public Permission Permission => Permissions.AccessAdminPanel;

    public int Order => 0;
}
