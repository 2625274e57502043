// Why: which kinds of file the media library takes, and how large, are the operator's choice (Orchard's names:
// AllowedFileExtensions, MaxFileSize); every way a file comes in (a public form, later the admin's library) asks the
// same list.
namespace OneDigital.Content.Media;

/// <summary><c>OneDigital:Media</c>.</summary>
public sealed class MediaOptions
{
    public const string Section = "OneDigital:Media";

    /// <summary>
    /// File extensions the library accepts, with the dot. Orchard's default list without <c>.svg</c>, <c>.ico</c> and
    /// <c>.psd</c>: an SVG can carry script, and the others are not documents readers share.
    /// </summary>
    public string[] AllowedFileExtensions { get; set; } =
    [
        ".jpg", ".jpeg", ".png", ".gif", ".webp",
        ".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt",
        ".ppt", ".pptx", ".pps", ".ppsx", ".odp",
        ".xls", ".xlsx", ".ods", ".csv",
        ".mp3", ".m4a", ".ogg", ".wav", ".mp4", ".m4v", ".mov", ".webm",
    ];

    /// <summary>The largest file the library accepts, in bytes (10 MB).</summary>
    public long MaxFileSize { get; set; } = 10_000_000;

    /// <summary>Limits for some extensions in place of <see cref="MaxFileSize"/>, e.g. <c>".mp4": 200000000</c>.</summary>
    public Dictionary<string, long> MaxFileSizes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most pixels an uploaded image may declare (width × height; 40 megapixels): a larger one would take too much memory to resize.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>The longest side, in pixels, an uploaded image may declare.</summary>
    public int MaxImageSide { get; set; } = 10_000;

    /// <summary>Where the files live: <c>Local</c> (<c>{DataDir}/Media</c>) or <c>SharedFolder</c> (<see cref="SharedPath"/>, for several nodes).</summary>
    public MediaStorageKind Storage { get; set; } = MediaStorageKind.Local;

    /// <summary>With <c>Storage = SharedFolder</c>: the folder every node mounts (an absolute path).</summary>
    public string? SharedPath { get; set; }

    /// <summary>The limit for a file with this extension (with the dot).</summary>
    public long MaxFileSizeFor(string extension) => MaxFileSizes.TryGetValue(extension, out var limit) ? limit : MaxFileSize;
}

public enum MediaStorageKind
{
    Local,
    SharedFolder,
}
