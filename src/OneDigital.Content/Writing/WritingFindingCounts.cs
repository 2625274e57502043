// Why: a report over every published item cannot run the checks on each request at scale, so each item's finding
// counts are stored when it is published (in the publish's transaction) and read back by type, severity and month.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneDigital.Content.Writing;

/// <summary>A published item's writing-check finding counts, as of its latest publish; no row once unpublished or removed.</summary>
public sealed class WritingFindingCounts
{
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string? DisplayText { get; set; }
    public DateTime PublishedUtc { get; set; }
    public int Serious { get; set; }
    public int Warnings { get; set; }
    public int Advice { get; set; }

    /// <summary>The ids of the checks that found something, comma-separated.</summary>
    public string CheckIds { get; set; } = "";
}

public sealed class WritingFindingCountsModel : IEntityTypeConfiguration<WritingFindingCounts>
{
    public void Configure(EntityTypeBuilder<WritingFindingCounts> builder)
    {
        builder.ToTable("WritingFindingCounts");
        builder.HasKey(x => x.ContentItemId);
        builder.Property(x => x.ContentItemId).HasMaxLength(64);
        builder.Property(x => x.ContentItemVersionId).HasMaxLength(64);
        builder.Property(x => x.ContentType).HasMaxLength(255);
        builder.Property(x => x.DisplayText).HasMaxLength(1024);
        builder.Property(x => x.CheckIds).HasMaxLength(1024);
        // The report: by type, and the dashboard's trend by the month of publishing.
        builder.HasIndex(x => new { x.ContentType, x.Serious });
        builder.HasIndex(x => x.PublishedUtc);
    }
}
