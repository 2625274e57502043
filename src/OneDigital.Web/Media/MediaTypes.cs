// Why: a file's type is never guessed from its bytes (nosniff) nor taken from whoever uploaded it: only the
// extension allow-list names one. Images, PDFs, audio and video open in the browser; every other document is
// downloaded, so a file that a browser or an office program could run never runs on this site's origin.
namespace OneDigital.Web.Media;

/// <summary>The content type and disposition of a media file, from its extension.</summary>
public static class MediaTypes
{
    public const string Unknown = "application/octet-stream";

    private static readonly Dictionary<string, (string Type, bool Inline)> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("image/jpeg", true),
        [".jpeg"] = ("image/jpeg", true),
        [".png"] = ("image/png", true),
        [".gif"] = ("image/gif", true),
        [".webp"] = ("image/webp", true),
        [".pdf"] = ("application/pdf", true),
        [".mp3"] = ("audio/mpeg", true),
        [".m4a"] = ("audio/mp4", true),
        [".ogg"] = ("audio/ogg", true),
        [".wav"] = ("audio/wav", true),
        [".mp4"] = ("video/mp4", true),
        [".m4v"] = ("video/mp4", true),
        [".mov"] = ("video/quicktime", true),
        [".webm"] = ("video/webm", true),
        [".txt"] = ("text/plain; charset=utf-8", false),
        [".csv"] = ("text/csv; charset=utf-8", false),
        [".rtf"] = ("application/rtf", false),
        [".doc"] = ("application/msword", false),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false),
        [".odt"] = ("application/vnd.oasis.opendocument.text", false),
        [".ppt"] = ("application/vnd.ms-powerpoint", false),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", false),
        [".pps"] = ("application/vnd.ms-powerpoint", false),
        [".ppsx"] = ("application/vnd.openxmlformats-officedocument.presentationml.slideshow", false),
        [".odp"] = ("application/vnd.oasis.opendocument.presentation", false),
        [".xls"] = ("application/vnd.ms-excel", false),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", false),
    };

    private static readonly HashSet<string> Resizable = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".gif", ".webp" };

    /// <summary>The type to send and whether the browser may show it in place; anything unlisted is an octet-stream download.</summary>
    public static (string ContentType, bool Inline) Of(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var known) ? known : (Unknown, false);

    public static bool IsResizable(string path) => Resizable.Contains(Path.GetExtension(path));
}
