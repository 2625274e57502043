// Why: a file's name and extension are the sender's claim; the library believes neither until the bytes agree, since
// a page rendered from an "image" that is really HTML or SVG runs script under the site's origin, and an image that
// declares a huge canvas exhausts memory when resized. Every way a file comes in (admin, Contents API, the public
// form) passes these same checks.
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using OneDigital.Content.Settings;
using OneDigital.Content.Media.Storage;
using SixLabors.ImageSharp;

namespace OneDigital.Content.Media.Uploads;

/// <summary>What the checks learnt about an accepted file.</summary>
public sealed record MediaContentFacts(string ContentType, int? Width, int? Height);

public sealed class UploadCheck(IOptions<MediaOptions> options, StoredSiteSettings stored)
{
    public const int MaxNameLength = 100;

    // Script can ride in these whatever the allow-list says.
    private static readonly HashSet<string> AlwaysRefused = new(StringComparer.OrdinalIgnoreCase)
    {
        ".svg", ".svgz", ".html", ".htm", ".xhtml", ".shtml", ".xml", ".js", ".mjs",
    };

    private static readonly HashSet<string> Images = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".gif", ".webp" };

    private static readonly HashSet<string> PlainText = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".csv" };

    private static readonly string[] ReservedNames =
    [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private (SiteSettingsValues From, MediaOptions Options) _effective = (SiteSettingsValues.None, options.Value);

    // Configuration with the administrator's stored limits over it (Settings/StoredSiteSettings), remade only when they change.
    private MediaOptions Options
    {
        get
        {
            var current = stored.Current;
            var effective = _effective;
            if (ReferenceEquals(effective.From, current)) return effective.Options;
            effective = (current, StoredSiteSettings.Media(options.Value, current));
            _effective = effective;
            return effective.Options;
        }
    }

    /// <summary>The allow-list, as shown to people: "JPG, PNG, PDF".</summary>
    public string AllowedTypesText => string.Join(", ", Options.AllowedFileExtensions.Select(e => e.TrimStart('.').ToUpperInvariant()));

    /// <summary>The size limit for a file of this name (its extension's, else <c>MaxFileSize</c>).</summary>
    public long LimitFor(string fileName) => Options.MaxFileSizeFor(Path.GetExtension(fileName));

    /// <summary>The largest limit of any extension, for the request size of the forms that upload.</summary>
    public long LargestLimit => Options.MaxFileSizes.Values.Append(Options.MaxFileSize).Max();

    /// <summary>
    /// The name the file gets in the library: lower-case letters, digits, '-' and its extension. A name that tries to
    /// name a folder, holds control characters, is a reserved device name or is too long is refused, not repaired.
    /// </summary>
    /// <exception cref="MediaException">The name or its extension is refused.</exception>
    public string LibraryName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName)) throw new MediaException("The selected file has no name");
        if (fileName.Any(char.IsControl)) throw new MediaException("The file name must not contain control characters");
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal) || fileName.Contains("..", StringComparison.Ordinal))
        {
            throw new MediaException("The file name must not contain a folder path (/, \\ or ..)");
        }
        if (fileName.Length > MaxNameLength) throw new MediaException($"The file name must be {MaxNameLength} characters or fewer");
        var stem = fileName.Split('.')[0].Trim();
        if (ReservedNames.Contains(stem, StringComparer.OrdinalIgnoreCase))
        {
            throw new MediaException("The file name must not be a reserved device name such as CON, NUL or COM1");
        }
        var extension = Path.GetExtension(fileName);
        if (AlwaysRefused.Contains(extension)) throw new MediaException("SVG and HTML files cannot be uploaded: they can carry scripts", MediaException.UnsupportedType);
        if (!Options.AllowedFileExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            throw new MediaException($"The selected file must be a {AllowedTypesText}", MediaException.UnsupportedType);
        }
        return SafeName(fileName);
    }

    /// <summary>Why a file of this name and declared length would be refused, or null (for a form's first look; the bytes are checked later).</summary>
    public string? QuickCheck(string? fileName, long length)
    {
        try
        {
            var name = LibraryName(fileName);
            if (length <= 0) return "The selected file is empty";
            var limit = LimitFor(name);
            return length > limit ? TooLarge(limit) : null;
        }
        catch (MediaException e)
        {
            return e.Message;
        }
    }

    public static string TooLarge(long limit) => $"The selected file must be smaller than {SizeText(limit)}";

    /// <summary>Checks a staged file's bytes against its (library) name: leading bytes, plain text, an image's declared size.</summary>
    /// <exception cref="MediaException">The content is refused.</exception>
    public async Task<MediaContentFacts> CheckContentAsync(string name, MediaStagedFile staged, CancellationToken ct = default)
    {
        if (staged.Length == 0) throw new MediaException("The selected file is empty");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var head = new byte[Math.Min(staged.Length, 65536)];
        await using (var stream = staged.OpenRead())
        {
            await stream.ReadExactlyAsync(head, ct);
        }
        var type = ContentTypes.TryGetContentType(name, out var known) ? known : "application/octet-stream";
        if (PlainText.Contains(extension))
        {
            if (!IsPlainText(head)) throw new MediaException("The selected file is not plain text: it holds HTML or binary data", MediaException.UnsupportedType);
            return new MediaContentFacts(type, null, null);
        }
        if (!LeadingBytesMatch(extension, head))
        {
            throw new MediaException($"The selected file is not a real {extension.TrimStart('.').ToUpperInvariant()} file: its content does not match its name", MediaException.UnsupportedType);
        }
        if (!Images.Contains(extension)) return new MediaContentFacts(type, null, null);

        IImageInfo? info;
        try
        {
            await using var stream = staged.OpenRead();
            // Only the header is read: the declared size is known before any pixel is decoded.
            info = await Image.IdentifyAsync(stream, ct);
        }
        catch (Exception e) when (e is ImageFormatException or InvalidDataException or NotSupportedException)
        {
            info = null;
        }
        if (info is null) throw new MediaException("The selected image cannot be read");
        if (info.Width > Options.MaxImageSide || info.Height > Options.MaxImageSide || (long)info.Width * info.Height > Options.MaxImagePixels)
        {
            throw new MediaException(string.Create(CultureInfo.InvariantCulture,
                $"The selected image is too large: it declares {info.Width} × {info.Height} pixels; the most is {Options.MaxImageSide:N0} a side and {Options.MaxImagePixels / 1_000_000d:0.#} megapixels"));
        }
        return new MediaContentFacts(type, info.Width, info.Height);
    }

    /// <summary>"10 MB", "500 KB": sizes as people read them (decimal units).</summary>
    public static string SizeText(long bytes) => bytes >= 1_000_000
        ? $"{(bytes / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture)} MB"
        : $"{Math.Max(1, bytes / 1000).ToString(CultureInfo.InvariantCulture)} KB";

    /// <summary>The name without any folder, in letters, digits, '-', '_' and one '.', lower-case, at most 100 characters.</summary>
    internal static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/').Split('/')[^1]);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var stem = new StringBuilder();
        foreach (var c in Path.GetFileNameWithoutExtension(name).Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c)) stem.Append(char.ToLowerInvariant(c));
            else if ((c is '-' or '_' or ' ' or '.') && stem.Length > 0 && stem[^1] != '-') stem.Append('-');
        }
        var clean = stem.ToString().Trim('-');
        if (clean.Length == 0) clean = "file";
        var cleanExtension = new string(extension.Where(c => c == '.' || char.IsAsciiLetterOrDigit(c)).ToArray());
        if (clean.Length + cleanExtension.Length > MaxNameLength) clean = clean[..Math.Max(1, MaxNameLength - cleanExtension.Length)];
        return clean + cleanExtension;
    }

    private static bool LeadingBytesMatch(string extension, ReadOnlySpan<byte> head) => extension switch
    {
        ".jpg" or ".jpeg" => head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]),
        ".png" => head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ".gif" => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
        ".webp" => Riff(head, "WEBP"u8),
        ".wav" => Riff(head, "WAVE"u8),
        ".pdf" => head.StartsWith("%PDF-"u8),
        ".rtf" => head.StartsWith("{\\rtf"u8),
        // Office Open XML and OpenDocument files are zip archives.
        ".docx" or ".xlsx" or ".pptx" or ".ppsx" or ".odt" or ".ods" or ".odp" => head.StartsWith("PK\x03\x04"u8),
        // The older Office formats are OLE compound files.
        ".doc" or ".xls" or ".ppt" or ".pps" => head.StartsWith((byte[])[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        ".mp3" => head.StartsWith("ID3"u8) || (head.Length > 1 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0),
        ".ogg" => head.StartsWith("OggS"u8),
        ".webm" => head.StartsWith((byte[])[0x1A, 0x45, 0xDF, 0xA3]),
        ".mp4" or ".m4a" or ".m4v" => IsoBox(head, "ftyp"u8),
        ".mov" => IsoBox(head, "ftyp"u8) || IsoBox(head, "moov"u8) || IsoBox(head, "mdat"u8) || IsoBox(head, "wide"u8) || IsoBox(head, "free"u8),
        // An extension the operator added that this list does not know: at least it must not be markup.
        _ => !LooksLikeMarkup(head),
    };

    private static bool Riff(ReadOnlySpan<byte> head, ReadOnlySpan<byte> form) => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual(form);

    private static bool IsoBox(ReadOnlySpan<byte> head, ReadOnlySpan<byte> box) => head.Length >= 8 && head[4..8].SequenceEqual(box);

    private static bool IsPlainText(ReadOnlySpan<byte> head) => !head.Contains((byte)0) && !LooksLikeMarkup(head);

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head);
        return text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<')
            || text.Contains("<script", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<svg", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<iframe", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<!doctype", StringComparison.OrdinalIgnoreCase);
    }
}
