// Why: the audit table is this feature's, declared next to its row so the store's context names no feature.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneDigital.Content.Audit;

public sealed class AuditModel : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.Property(x => x.Id).HasMaxLength(64);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(x => x.UserId).HasMaxLength(255);
        builder.Property(x => x.UserName).HasMaxLength(255);
        builder.Property(x => x.ContentItemId).HasMaxLength(64);
        builder.Property(x => x.ContentItemVersionId).HasMaxLength(64);
        builder.Property(x => x.ContentType).HasMaxLength(255);
        builder.Property(x => x.DisplayText).HasMaxLength(1024);
        builder.Property(x => x.Detail).HasMaxLength(AuditEvent.MaxDetailLength);
        builder.Property(x => x.RemoteAddress).HasMaxLength(64);
        // The page's default order (newest first, id breaking ties) read backwards off one index, and the purge's range.
        builder.HasIndex(x => new { x.OccurredUtc, x.Id });
        // An item's history and a user's actions, each newest first.
        builder.HasIndex(x => new { x.ContentItemId, x.OccurredUtc });
        builder.HasIndex(x => new { x.UserName, x.OccurredUtc });
    }
}
