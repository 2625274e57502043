// Why: Identity's password rules answer in its own words, one sentence per rule; GOV.UK's pattern is one message per
// field that says everything the password still needs, so the reset and change forms turn the codes into that sentence.
using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace OneDigital.Admin.Account;

internal static class PasswordMessages
{
    /// <summary>One message for the field from Identity's failures; failures that are not about the rules are kept in Identity's words.</summary>
    public static string For(IEnumerable<IdentityError> errors, PasswordOptions rules)
    {
        var needs = new List<string>();
        var other = new List<string>();
        foreach (var error in errors)
        {
            switch (error.Code)
            {
                case nameof(IdentityErrorDescriber.PasswordTooShort):
                    needs.Insert(0, string.Create(CultureInfo.InvariantCulture, $"be {rules.RequiredLength} characters or more"));
                    break;
                case nameof(IdentityErrorDescriber.PasswordRequiresDigit): needs.Add("include a number"); break;
                case nameof(IdentityErrorDescriber.PasswordRequiresLower): needs.Add("include a lowercase letter"); break;
                case nameof(IdentityErrorDescriber.PasswordRequiresUpper): needs.Add("include a capital letter"); break;
                case nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric): needs.Add("include a symbol (like ! or #)"); break;
                case nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars):
                    needs.Add(string.Create(CultureInfo.InvariantCulture, $"use at least {rules.RequiredUniqueChars} different characters"));
                    break;
                default: other.Add(error.Description); break;
            }
        }
        if (needs.Count == 0) return string.Join(" ", other);
        var list = needs.Count == 1 ? needs[0] : string.Join(", ", needs.Take(needs.Count - 1)) + " and " + needs[^1];
        return string.Join(" ", ["Password must " + list, .. other]);
    }
}
