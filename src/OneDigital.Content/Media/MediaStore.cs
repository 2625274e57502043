// Why: every file that enters the media library passes the same checks (the allow-list, the size limit, a name that
// cannot climb out of its folder) and is written whole or not at all, so a refused or interrupted upload leaves
// nothing behind.
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using OneDigital.Content.Store;

namespace OneDigital.Content.Media;

public sealed class MediaStore(StoreOptions store, IOptions<MediaOptions> options)
{
    private const int MaxNameLength = 100;

    public string Root => MediaFolder.Root(store);

    /// <summary>The allow-list, as shown to people: "JPG, PNG, PDF".</summary>
    public string AllowedTypesText => string.Join(", ", options.Value.AllowedFileExtensions.Select(e => e.TrimStart('.').ToUpperInvariant()));

    public long MaxFileSize => options.Value.MaxFileSize;

    /// <summary>Why a file with this name and length would be refused, or null when it is accepted.</summary>
    public string? Check(string? fileName, long length)
    {
        var extension = Path.GetExtension(fileName ?? "");
        if (!options.Value.AllowedFileExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return $"The selected file must be a {AllowedTypesText}";
        }
        if (length <= 0) return "The selected file is empty";
        if (length > MaxFileSize) return $"The selected file must be smaller than {SizeText(MaxFileSize)}";
        return null;
    }

    /// <summary>
    /// Writes <paramref name="content"/> as <c>{folder}/{a safe form of fileName}</c> in the library and returns that
    /// library path (forward slashes). An existing file of that name is never replaced: a number is added.
    /// </summary>
    /// <exception cref="MediaException">Not on the allow-list, empty, or larger than the limit; nothing is written.</exception>
    public async Task<string> SaveAsync(string folder, string fileName, Stream content, CancellationToken ct = default)
    {
        var name = SafeName(fileName);
        if (Check(name, 1) is { } refused) throw new MediaException(refused);
        var directory = MediaFolder.FileIn(Root, folder.Trim('/')) ?? throw new ArgumentException($"'{folder}' is outside the media folder.", nameof(folder));
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Guid.NewGuid():N}.part");
        try
        {
            long written;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                written = await CopyCappedAsync(content, file, ct);
            }
            if (written == 0) throw new MediaException("The selected file is empty");
            var stem = Path.GetFileNameWithoutExtension(name);
            var extension = Path.GetExtension(name);
            for (var n = 1; ; n++)
            {
                var candidate = n == 1 ? name : $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}{extension}";
                try
                {
                    File.Move(temp, Path.Combine(directory, candidate), overwrite: false);
                    return $"{folder.Trim('/')}/{candidate}";
                }
                catch (IOException) when (File.Exists(Path.Combine(directory, candidate)) && n < 1000)
                {
                }
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Deletes a file saved by <see cref="SaveAsync"/> (e.g. when what was to link it was not saved).</summary>
    public void Delete(string libraryPath)
    {
        if (MediaFolder.FileIn(Root, libraryPath) is { } full) File.Delete(full);
    }

    /// <summary>"10 MB", "500 KB": sizes as people read them (decimal units).</summary>
    public static string SizeText(long bytes) => bytes >= 1_000_000
        ? $"{(bytes / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture)} MB"
        : $"{Math.Max(1, bytes / 1000).ToString(CultureInfo.InvariantCulture)} KB";

    private async Task<long> CopyCappedAsync(Stream from, Stream to, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            // Counted as it arrives: a declared length can lie.
            if (total > MaxFileSize) throw new MediaException($"The selected file must be smaller than {SizeText(MaxFileSize)}");
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return total;
    }

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
}
