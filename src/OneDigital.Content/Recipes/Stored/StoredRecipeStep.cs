using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneDigital.Content.Recipes.Stored;

/// <summary>
/// A recipe step this CMS does not apply (Layers, Templates, WorkflowType, ...), kept as its JSON so an export
/// carries it back to Orchard unchanged. One row per step name and identity: importing the same one again replaces it.
/// </summary>
public sealed class StoredRecipeStep
{
    public long Id { get; set; }

    /// <summary>The step's name as the recipe wrote it.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the step is about (template names, layer names...), so a re-import replaces rather than adds.</summary>
    public string Identity { get; set; } = "";

    /// <summary>The step object, after its expressions were evaluated.</summary>
    public string Json { get; set; } = "";

    public DateTime StoredUtc { get; set; }
}

public sealed class StoredRecipeStepModel : IEntityTypeConfiguration<StoredRecipeStep>
{
    public void Configure(EntityTypeBuilder<StoredRecipeStep> builder)
    {
        builder.ToTable("StoredRecipeSteps");
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Identity).HasMaxLength(400);
        builder.HasIndex(x => new { x.Name, x.Identity }).IsUnique();
    }
}

/// <summary>
/// Which recipe item became which content item: a re-import of the same recipe updates the items its earlier runs
/// created instead of adding copies, without ever matching unrelated content by path or title.
/// </summary>
public sealed class RecipeItemLedgerEntry
{
    /// <summary>The recipe's header name.</summary>
    public string Recipe { get; set; } = "";

    /// <summary>The item's own id when the recipe writes it literally, else its place in the recipe (<c>steps[3].Data[2]</c>).</summary>
    public string ItemKey { get; set; } = "";

    public string ContentItemId { get; set; } = "";
}

public sealed class RecipeItemLedgerModel : IEntityTypeConfiguration<RecipeItemLedgerEntry>
{
    public void Configure(EntityTypeBuilder<RecipeItemLedgerEntry> builder)
    {
        builder.ToTable("RecipeItemLedger");
        builder.HasKey(x => new { x.Recipe, x.ItemKey });
        builder.Property(x => x.Recipe).HasMaxLength(200);
        builder.Property(x => x.ItemKey).HasMaxLength(400);
        builder.Property(x => x.ContentItemId).HasMaxLength(64);
    }
}
