// Why: the library's pages name folders and files by library path in the query string; one place builds those links
// so every page escapes them the same way.
namespace OneDigital.Admin.Media;

public static class MediaLinks
{
    public const string Library = AdminServices.PathPrefix + "/media";

    public static string Folder(string folder, string? view = null) =>
        Library + Query(("folder", folder.Length == 0 ? null : folder), ("view", view));

    public static string FolderSettings(string folder) => $"{Library}/folder{Query(("path", folder))}";

    public static string File(string path) => $"{Library}/file{Query(("path", path))}";

    public static string Delete(string path) => $"{Library}/file/delete{Query(("path", path))}";

    /// <summary>The file's public address (served by the site's /media endpoint).</summary>
    public static string Public(string path) => "/media/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>"2.4 MB", "12 KB".</summary>
    public static string Size(long bytes) => OneDigital.Content.Media.Uploads.UploadCheck.SizeText(bytes);

    private static string Query(params (string Key, string? Value)[] pairs)
    {
        var parts = pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
