// Why: how strict the public forms are (how fast a person can fill one in, how often an address may send, how large
// a post may be) and who hears of a new submission are the operator's choices, checked at start.
namespace OneDigital.Site.Forms;

/// <summary><c>OneDigital:Site:Forms</c>.</summary>
public sealed class SiteFormsOptions
{
    public const string Section = "OneDigital:Site:Forms";

    /// <summary>A form sent sooner than this after it was shown is taken for a program's (3 seconds).</summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a shown form may be sent (12 hours); older ones are shown again to send.</summary>
    public TimeSpan MaximumFormAge { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Form posts one client address may make in <see cref="Window"/> (10).</summary>
    public int PostsPerWindow { get; set; } = 10;

    /// <summary>The rate limit's window (10 minutes).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The largest post of a form without a file, in bytes (64 KB).</summary>
    public long MaxTextPostBytes { get; set; } = 64_000;

    /// <summary>
    /// Addresses told of each learning submission, besides the users who may edit learning submissions
    /// (e.g. <c>learning@onedigital.example.org</c>).
    /// </summary>
    public string[] NotifyEmails { get; set; } = [];
}
