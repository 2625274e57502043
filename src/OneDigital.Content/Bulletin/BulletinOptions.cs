// Why: how long a confirmation link works and how many a person may be sent are the operator's choices; the public
// address is needed because the links are followed from a mailbox, where there is no request to take a host from.
namespace OneDigital.Content.Bulletin;

/// <summary>The <c>OneDigital:Bulletin</c> settings.</summary>
public sealed class BulletinOptions
{
    public const string Section = "OneDigital:Bulletin";

    /// <summary>How long a confirmation link works (7 days).</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Confirmation mails one address may be sent in an hour; sign-ups past it get the same answer and no mail.</summary>
    public int ConfirmationsPerHour { get; set; } = 3;
}

/// <summary>The <c>OneDigital:Site</c> settings the engine needs.</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "OneDigital:Site";

    /// <summary>
    /// The readers' site address (e.g. <c>https://onedigital.example.org</c>) that links in e-bulletin mail start
    /// with. Required for sign-ups: without it no confirmation mail can be sent.
    /// </summary>
    public Uri? PublicUrl { get; set; }
}
