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
}
