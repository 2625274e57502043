// Why: registering and editing an application ask the same questions (name, roles) the same way, and each change to
// one (who may read what over the API) is audited with who made it.
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Partners;

internal static class PartnerForm
{
    public static async Task<CheckboxesField> RolesFieldAsync(RoleService roles, IReadOnlyCollection<string> chosen, CancellationToken ct) =>
        new("Roles", "Roles", (await roles.ListAsync(ct))
            .Select(r => new Choice(r.Name!, r.Name!) { Hint = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description, Selected = chosen.Contains(r.Name!, StringComparer.OrdinalIgnoreCase) })
            .ToList())
        {
            Hint = "The application's tokens may do what these roles allow.",
        };

    public static AuditEntry AuditEntry(AuditKind kind, string clientId, string? detail) =>
        new(kind) { DisplayText = $"Partner {clientId}", Detail = detail };

    public static TextInputField DisplayNameField(string? value) => new("DisplayName", "Name")
    {
        Value = value,
        Hint = "The partner's name, as administrators know it. The client id is used when it is empty.",
        Autocomplete = "off",
    };
}
