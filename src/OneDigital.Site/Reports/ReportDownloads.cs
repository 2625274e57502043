// Why: readers on pay-as-you-go data decide whether to download a PDF by its size, so the link says the format and
// the size of the file as the media store holds it now; a file that is missing gets no size rather than a guess.
using System.Globalization;
using OneDigital.Content.Media;
using OneDigital.Content.Store;
using OneDigital.Site.Models;

namespace OneDigital.Site.Reports;

/// <summary>A report part's PDF (its Download field) as a <see cref="ReportDownload"/>.</summary>
public sealed class ReportDownloads(StoreOptions store)
{
    private const string MediaPrefix = "/media/";

    /// <summary>The part's first downloadable file, or null when its Download field is empty.</summary>
    public ReportDownload? PdfOf(ItemView part, int number)
    {
        if (!part.Fields.TryGetValue("Download", out var value) || value is not IReadOnlyList<MediaView> { Count: > 0 } files)
        {
            return null;
        }
        var file = files[0];
        var size = SizeOf(file.Url);
        var details = size is null ? "PDF" : $"PDF, {size}";
        return new ReportDownload { Url = file.Url, Size = size, LinkText = $"Download Part {number} ({details})" };
    }

    /// <summary>"340 KB" or "1.2 MB" (1,024-based, as file managers show), or null when the store has no such file.</summary>
    public static string FormatSize(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, (long)Math.Round(bytes / 1024.0, MidpointRounding.AwayFromZero))} KB"
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");

    private string? SizeOf(string url)
    {
        if (!url.StartsWith(MediaPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var path = MediaFolder.FileIn(MediaFolder.Root(store), Uri.UnescapeDataString(url[MediaPrefix.Length..]));
        var info = path is null ? null : new FileInfo(path);
        return info is { Exists: true } ? FormatSize(info.Length) : null;
    }
}
