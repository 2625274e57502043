// Why: the audit trail is its own page in the header, for those who may read it.
using OneDigital.Admin.Navigation;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Audit;

internal sealed record AuditMenuItem() : AdminMenuItem("Audit trail", AdminServices.PathPrefix + "/audit", Permissions.ViewAuditTrail, 90);
