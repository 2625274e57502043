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

    /// <summary>The site's time zone (an IANA id such as <c>Europe/London</c>): editors read and enter times in it; the store keeps UTC.</summary>
    public string TimeZone { get; set; } = "UTC";
}
