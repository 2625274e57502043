// Why: the SMTP password an administrator types is kept in the site settings document, which exports and backups
// carry; it is stored protected with the site's data protection keys (kept in the store, shared by every node), so
// the document alone does not give it away, and it is never shown back.
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OneDigital.Content.Settings;

public sealed class SmtpPasswordProtection(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("OneDigital.SiteSettings.SmtpPassword");

    public string Protect(string password) => _protector.Protect(password);

    /// <summary>The password; empty when it cannot be read (keys lost): SMTP then refuses the sign-in, saying so.</summary>
    public string Unprotect(string protectedPassword)
    {
        try
        {
            return _protector.Unprotect(protectedPassword);
        }
        catch (CryptographicException)
        {
            return "";
        }
    }
}
