// Why: every editor may see the report (it lists only what the content list shows them), so it needs what the list needs.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Writing;

internal sealed record ReportMenuItem() : AdminMenuItem("Writing checks", ReportModel.Path, Permissions.AccessAdminPanel, 15);
