// Why: folder paths arrive from forms, query strings and APIs; one reading of them (forward slashes, no leading
// slash, no hidden or climbing segment) keeps every caller inside the library and every row's path comparable.
using System.Text;

namespace OneDigital.Content.Media;

public static class MediaPaths
{
    /// <summary>A folder's library path ("" for the root).</summary>
    /// <exception cref="MediaException">A segment is empty, climbs (<c>..</c>), is hidden or holds control characters.</exception>
    public static string Folder(string? folder)
    {
        var path = (folder ?? "").Replace('\\', '/').Trim().Trim('/');
        if (path.Length == 0) return "";
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment[0] == '.' || segment.Any(char.IsControl))
            {
                throw new MediaException($"'{folder}' is not a folder of the media library");
            }
        }
        return path;
    }

    /// <summary>A file's library path, read like a folder's but never the root.</summary>
    public static string File(string? path)
    {
        var file = Folder(path);
        return file.Length > 0 ? file : throw new MediaException("A file path is needed");
    }

    public static string Parent(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : "";

    public static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static string Combine(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";

    /// <summary>A new folder's name in the library's form: lower-case letters, digits and '-' (e.g. "Case Studies" → "case-studies").</summary>
    /// <exception cref="MediaException">Nothing usable is left.</exception>
    public static string FolderName(string? name)
    {
        var clean = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c)) clean.Append(char.ToLowerInvariant(c));
            else if ((c is '-' or '_' or ' ' or '.') && clean.Length > 0 && clean[^1] != '-') clean.Append('-');
        }
        var result = clean.ToString().Trim('-');
        if (result.Length == 0) throw new MediaException("Enter a folder name made of letters or digits");
        return result.Length > 100 ? result[..100].TrimEnd('-') : result;
    }
}
