using OneDigital.Content.Store;

namespace OneDigital.Content.Media;

/// <summary>
/// Where the media library's files live, <c>{DataDir}/Media</c>, and the rule that a file's path stays inside it.
/// The media recipe step writes there; tests and future readers find the files through the same root.
/// </summary>
public static class MediaFolder
{
    public static string Root(StoreOptions options) => Path.GetFullPath(Path.Combine(options.DataDir, "Media"));

    /// <summary>The full path of a media file named by its path in the library, or null when it would lie outside the folder.</summary>
    public static string? FileIn(string root, string libraryPath)
    {
        var full = Path.GetFullPath(Path.Combine(root, libraryPath.TrimStart('/', '\\')));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
