// Why: a preview link is a bearer secret; the store keeps only its SHA-256 so a copy of the database opens no draft.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneDigital.Content.Preview;

/// <summary>One issued preview token: for which item, by whom, until when, and whether it was revoked.</summary>
public sealed class PreviewTokenRecord
{
    public string Id { get; set; } = "";
    public string ContentItemId { get; set; } = "";

    /// <summary>SHA-256 of the token, as lowercase hex: what a presented token is looked up by.</summary>
    public string TokenHash { get; set; } = "";

    public string? IssuedBy { get; set; }
    public DateTime IssuedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}

/// <summary>The preview token table in the store's context, declared next to its rows.</summary>
public sealed class PreviewTokenModel : IEntityTypeConfiguration<PreviewTokenRecord>
{
    public void Configure(EntityTypeBuilder<PreviewTokenRecord> builder)
    {
        builder.ToTable("PreviewTokens");
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.ContentItemId).HasMaxLength(64);
        builder.Property(x => x.TokenHash).HasMaxLength(64);
        builder.Property(x => x.IssuedBy).HasMaxLength(255);
        builder.HasIndex(x => x.TokenHash).IsUnique();
        builder.HasIndex(x => new { x.ContentItemId, x.ExpiresUtc });
    }
}
