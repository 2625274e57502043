// Why: subscribers are personal data, not content: their own table, holding what consent law asks us to prove (the
// wording the person saw and when they agreed, when they confirmed, when they left) and never a token itself.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneDigital.Content.Bulletin;

/// <summary>Where a subscriber stands. Stored by name, so members are only ever added.</summary>
public enum BulletinStatus
{
    /// <summary>Signed up, not yet confirmed by the emailed link: nothing but the confirmation mail goes to them.</summary>
    Pending,
    /// <summary>Confirmed: the bulletin goes to them.</summary>
    Confirmed,
    /// <summary>Left the list: no mail goes to them until they sign up and confirm again.</summary>
    Unsubscribed,
}

/// <summary>One e-bulletin subscriber.</summary>
public sealed class BulletinSubscriber
{
    public const int MaxEmailLength = 254;
    public const int MaxConsentLength = 2000;
    public const int MaxSourceLength = 100;

    public string Id { get; set; } = "";

    /// <summary>Trimmed and lower-cased (<see cref="BulletinAddress.Normalize"/>); unique.</summary>
    public string Email { get; set; } = "";

    public BulletinStatus Status { get; set; }

    /// <summary>The consent wording exactly as shown at the latest sign-up.</summary>
    public string ConsentWording { get; set; } = "";

    public DateTime ConsentUtc { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
    public DateTime? UnsubscribedUtc { get; set; }

    /// <summary>SHA-256 of the one confirmation link that works now; null when none is pending.</summary>
    public string? ConfirmationTokenHash { get; set; }

    public DateTime? ConfirmationSentUtc { get; set; }

    /// <summary>Start of the hour the confirmation mails are counted in, for the per-address limit.</summary>
    public DateTime? ConfirmationWindowUtc { get; set; }

    public int ConfirmationsInWindow { get; set; }

    /// <summary>Where the person signed up (e.g. <c>site:home</c>).</summary>
    public string Source { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// An erased address that had unsubscribed: only its SHA-256 is kept, so it is never mailed again unless the person
/// signs up and confirms anew.
/// </summary>
public sealed class BulletinSuppression
{
    public string EmailHash { get; set; } = "";
    public DateTime SuppressedUtc { get; set; }
}

public sealed class BulletinSubscriberModel : IEntityTypeConfiguration<BulletinSubscriber>
{
    public void Configure(EntityTypeBuilder<BulletinSubscriber> builder)
    {
        builder.ToTable("BulletinSubscribers");
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.Email).HasMaxLength(BulletinSubscriber.MaxEmailLength);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.ConsentWording).HasMaxLength(BulletinSubscriber.MaxConsentLength);
        builder.Property(x => x.ConfirmationTokenHash).HasMaxLength(64);
        builder.Property(x => x.Source).HasMaxLength(BulletinSubscriber.MaxSourceLength);
        builder.HasIndex(x => x.Email).IsUnique();
        // The admin's list: newest first, optionally one status.
        builder.HasIndex(x => new { x.Status, x.CreatedUtc });
        builder.HasIndex(x => x.CreatedUtc);
    }
}

public sealed class BulletinSuppressionModel : IEntityTypeConfiguration<BulletinSuppression>
{
    public void Configure(EntityTypeBuilder<BulletinSuppression> builder)
    {
        builder.ToTable("BulletinSuppressions");
        builder.HasKey(x => x.EmailHash);
        builder.Property(x => x.EmailHash).HasMaxLength(64);
    }
}
