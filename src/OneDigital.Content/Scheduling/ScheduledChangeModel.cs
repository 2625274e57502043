// Why: the store's context applies every entity configuration of this assembly, so the schedule table is declared
// next to its row and the store names no feature.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneDigital.Content.Scheduling;

public sealed class ScheduledChangeModel : IEntityTypeConfiguration<ScheduledChange>
{
    public void Configure(EntityTypeBuilder<ScheduledChange> builder)
    {
        builder.ToTable("ScheduledChanges");
        builder.Property(x => x.ContentItemId).HasMaxLength(64);
        builder.Property(x => x.ScheduledByUserId).HasMaxLength(64);
        builder.Property(x => x.ScheduledByUserName).HasMaxLength(256);
        builder.Property(x => x.ClaimToken).HasMaxLength(64);
        builder.Property(x => x.ClaimedBy).HasMaxLength(256);
        builder.Property(x => x.Message).HasMaxLength(2048);
        // A row that ran or was cancelled since it was read is not overwritten by a tracked save.
        builder.Property(x => x.State).IsConcurrencyToken();
        builder.Ignore(x => x.IsPending);
        builder.Ignore(x => x.Actor);
        // The runner's question: which pending rows are due. Also the lists' "has a pending schedule".
        builder.HasIndex(x => new { x.State, x.DueUtc });
        // An item's schedule history, and the pending rows a new schedule replaces.
        builder.HasIndex(x => new { x.ContentItemId, x.State });
    }
}
