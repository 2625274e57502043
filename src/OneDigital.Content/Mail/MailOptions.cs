// Why: where mail goes is the site's choice: a real SMTP server when one is configured, otherwise files a person (or a
// test) can open, so a fresh install can still send "forgot password" without any mail setup.
namespace OneDigital.Content.Mail;

public sealed class MailOptions
{
    public const string Section = "OneDigital:Mail";

    /// <summary>The sender's address on every message.</summary>
    public string FromAddress { get; set; } = "no-reply@localhost";

    public string? FromName { get; set; }

    /// <summary>Where messages are written when no SMTP host is set; relative paths are under the data folder.</summary>
    public string PickupDirectory { get; set; } = Path.Combine("Mail", "Pickup");

    public SmtpSettings Smtp { get; set; } = new();
}

public sealed class SmtpSettings
{
    /// <summary>Set to send through SMTP; empty writes to the pickup folder.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text; only for a relay on the same machine or network.</summary>
    None,
    /// <summary>Upgrade with STARTTLS, and refuse a server that does not offer it (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
