// Why: how long a sign-in lasts and how hard a password may be guessed are the operator's decisions, bound and checked
// at start like every other settings section, with messages naming the key.
namespace OneDigital.Admin;

/// <summary>The <c>OneDigital:Admin</c> settings.</summary>
public sealed class AdminOptions
{
    public const string Section = "OneDigital:Admin";

    /// <summary>Wrong passwords in a row after which an account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without a request; each request past half of it renews it.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the link in a "forgot password" email works (it works once).</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Reset emails one account may be sent in an hour; requests past it get the same answer and no email.</summary>
    public int PasswordResetsPerHour { get; set; } = 3;

    /// <summary>
    /// The site's address for links in emails (e.g. <c>https://cms.example.org</c>). Set it in production: when empty
    /// the link uses the address the request came to, which a forged Host header could change.
    /// </summary>
    public Uri? PublicUrl { get; set; }
    /// <summary>The site's time zone (an IANA id such as Europe/London): editors see and type dates and times in it; they are stored in UTC.</summary>
    public string TimeZone { get; set; } = "UTC";
}
