// Why: the dashboard is the admin's home and the first entry of its navigation.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Dashboard;

internal sealed record DashboardMenuItem() : AdminMenuItem("Dashboard", AdminServices.PathPrefix, Permissions.AccessAdminPanel, 0);
