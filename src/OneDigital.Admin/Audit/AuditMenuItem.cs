// Why: the audit trail is its own page in the header, for those who may read it.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Audit;

internal sealed class AuditMenuItem : IAdminMenuItem
{
    public string Text => "Audit trail";

    public string Href => AdminServices.PathPrefix + "/audit";

    public Permission Permission => Permissions.ViewAuditTrail;

    public int Order => 90;
}
