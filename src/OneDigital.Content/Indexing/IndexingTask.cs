using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneDigital.Content.Indexing;

/// <summary>
/// One entry of the append-only indexing-task log (Orchard's <c>IndexingTask</c>): a content item changed or was
/// removed. Every node applies the log past its own cursor to its local search indexes.
/// </summary>
public sealed class IndexingTask
{
    public long Id { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string ContentItemId { get; set; } = "";
    public IndexingTaskType Type { get; set; }
}

/// <summary>The log's table, applied by the store's context with every entity configuration of this assembly.</summary>
public sealed class IndexingTaskModel : IEntityTypeConfiguration<IndexingTask>
{
    public void Configure(EntityTypeBuilder<IndexingTask> builder)
    {
        builder.ToTable("IndexingTasks");
        builder.Property(x => x.ContentItemId).HasMaxLength(64);
    }
}

public enum IndexingTaskType
{
    Update = 0,
    Delete = 1,
}
