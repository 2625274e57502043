// Why: every editor may see the report (it lists only what the content list shows them), so it needs what the list needs.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Writing;

internal sealed class ReportMenuItem : IAdminMenuItem
{
    public string Text => "Writing checks";

    public string Href => ReportModel.Path;

    public Permission Permission => Permissions.AccessAdminPanel;

    public int Order => 15;
}
