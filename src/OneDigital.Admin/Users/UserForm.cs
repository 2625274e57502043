// Why: creating and editing an account check the email and the roles the same way, and show the roles as the same
// checkboxes; both pages use this.
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Users;

internal static class UserForm
{
    public const string EmailField = "Email";
    public const string RolesField = "Roles";

    /// <summary>The trimmed email, checked for its form and that no other account has it (sign-in by email needs it to be one person's); null when invalid.</summary>
    public static async Task<string?> CheckEmailAsync(UserManager<User> users, string? email, string? ownId, bool required, ModelStateDictionary state, CancellationToken ct)
    {
        email = email?.Trim() ?? "";
        if (email.Length == 0)
        {
            if (required) state.AddModelError(EmailField, "Enter an email address, to send the link to");
            return required ? null : "";
        }
        if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            state.AddModelError(EmailField, "Enter an email address in the correct format, like name@example.org");
            return null;
        }
        var normalized = users.NormalizeEmail(email);
        if (await users.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != ownId, ct))
        {
            state.AddModelError(EmailField, "Another user has this email address");
            return null;
        }
        return email;
    }

    /// <summary>The posted role names as the assignable roles spell them; an unknown name is an error on the field.</summary>
    public static IReadOnlyList<string>? CheckRoles(IEnumerable<string> posted, IReadOnlyList<Role> assignable, ModelStateDictionary state)
    {
        var chosen = new List<string>();
        foreach (var name in posted.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (assignable.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: { } known }) chosen.Add(known);
            else state.AddModelError(RolesField, $"There is no role named {name}");
        }
        return state.ContainsKey(RolesField) ? null : chosen;
    }

    public static CheckboxesField RolesCheckboxes(IReadOnlyList<Role> assignable, IReadOnlyCollection<string> held) =>
        new(RolesField, "Roles",
            [.. assignable.Select(r => new Choice(r.Name!, r.Name!)
            {
                Hint = string.IsNullOrWhiteSpace(r.Description) || r.Description == r.Name ? null : r.Description,
                Selected = held.Contains(r.Name!, StringComparer.OrdinalIgnoreCase),
            })])
        {
            Hint = "What the user may do. Every signed-in user also has the Authenticated role's permissions.",
        };
}
