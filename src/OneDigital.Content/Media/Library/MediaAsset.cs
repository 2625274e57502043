// Why: the file system knows a file's bytes; the library also needs who uploaded it, its alt text and its image size
// without opening it, kept in step with the file by the same transaction.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneDigital.Content.Media.Library;

/// <summary>One file of the media library, by its library path.</summary>
public sealed class MediaAsset
{
    public long Id { get; set; }

    /// <summary>The library path (forward slashes, no leading slash), unique.</summary>
    public string Path { get; set; } = "";

    public long Length { get; set; }
    public string ContentType { get; set; } = "";
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>The file's default alternative text; a media field may give its own per use.</summary>
    public string? AltText { get; set; }

    /// <summary>The image only decorates: readers of assistive technology skip it (empty alt).</summary>
    public bool Decorative { get; set; }

    /// <summary>The uploader's user id; null for files that arrived by a recipe or before the library kept rows.</summary>
    public string? UploadedBy { get; set; }

    /// <summary>The uploader's name as it was then (a user, an API client, the public form).</summary>
    public string? UploadedByName { get; set; }

    public DateTime UploadedUtc { get; set; }
    public DateTime? ReplacedUtc { get; set; }
}

/// <summary>The <c>MediaAssets</c> table in the store's context, declared next to its rows.</summary>
public sealed class MediaAssetModel : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> builder)
    {
        builder.ToTable("MediaAssets");
        builder.Property(x => x.Path).HasMaxLength(1024);
        builder.Property(x => x.ContentType).HasMaxLength(255);
        builder.Property(x => x.AltText).HasMaxLength(1000);
        builder.Property(x => x.UploadedBy).HasMaxLength(255);
        builder.Property(x => x.UploadedByName).HasMaxLength(255);
        builder.HasIndex(x => x.Path).IsUnique();
    }
}
