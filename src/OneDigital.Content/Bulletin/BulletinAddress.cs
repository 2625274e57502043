// Why: one address must be one row whatever case or spaces a person types, and an erased address is remembered only
// as a hash; both rules live here so the sign-up, the admin and the suppression list agree.
using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace OneDigital.Content.Bulletin;

public static class BulletinAddress
{
    /// <summary>
    /// The stored form: trimmed and lower-cased. Lower-casing the local part is not what RFC 5321 promises, but every
    /// mail service people use treats it so, and it keeps "Ann@x.org" and "ann@x.org" from being two subscribers.
    /// </summary>
    /// <exception cref="BulletinException">Not a plain email address (no display name, one @, a dotted domain).</exception>
    public static string Normalize(string? email)
    {
        var value = (email ?? "").Trim().ToLowerInvariant();
        if (value.Length is 0 or > BulletinSubscriber.MaxEmailLength
            || value.Count(c => c == '@') != 1
            || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"')
            || !MailboxAddress.TryParse(value, out var parsed)
            || !string.Equals(parsed.Address, value, StringComparison.Ordinal))
        {
            throw new BulletinException("Enter an email address in the correct format, like name@example.com");
        }
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var domain = value[(at + 1)..];
        if (at == 0 || domain.Length < 3 || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.'))
        {
            throw new BulletinException("Enter an email address in the correct format, like name@example.com");
        }
        return value;
    }

    /// <summary>SHA-256 of the normalised address, as lowercase hex: what the suppression list keeps.</summary>
    public static string Hash(string normalizedEmail) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));
}
