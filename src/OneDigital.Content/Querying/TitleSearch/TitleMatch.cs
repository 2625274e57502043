// Why: EF composes a raw FTS5 lookup into the list's query only through a mapped row shape; this is that shape, with
// no table of its own (the FTS5 table is made by the AdminTitleSearch migration, which EF's model cannot describe).
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneDigital.Content.Querying.TitleSearch;

/// <summary>A version whose title the trigram index matched: its ContentItems row id.</summary>
internal sealed class TitleMatch
{
    public long Id { get; set; }
}

internal sealed class TitleMatchModel : IEntityTypeConfiguration<TitleMatch>
{
    public void Configure(EntityTypeBuilder<TitleMatch> builder) => builder.HasNoKey().ToTable((string?)null);
}
