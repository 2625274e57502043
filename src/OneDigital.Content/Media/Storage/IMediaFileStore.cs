// Why: the library's files may live in this node's data folder or on storage several nodes share; every reader and
// writer (uploads, the library, the media recipe step, later the serving of /media) goes through this one contract,
// so a new kind of storage is one class. Paths are library paths: forward slashes, no leading slash.
namespace OneDigital.Content.Media.Storage;

/// <summary>A file in the library: its path, size and last write time (what serving and caching need).</summary>
public sealed record MediaFileInfo(string Path, long Length, DateTimeOffset LastWriteUtc)
{
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}

/// <summary>What a folder holds: its subfolders' paths and its files, each sorted by name.</summary>
public sealed record MediaFolderListing(IReadOnlyList<string> Folders, IReadOnlyList<MediaFileInfo> Files);

public interface IMediaFileStore
{
    /// <summary>The file's size and last write time, or null when there is no such file (or the path leaves the library).</summary>
    Task<MediaFileInfo?> GetFileAsync(string path, CancellationToken ct = default);

    /// <summary>Opens the file for reading (asynchronous, shared with other readers).</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    Task<Stream> OpenReadAsync(string path, CancellationToken ct = default);

    /// <summary>Whether the folder exists ("" is the root, which always does).</summary>
    Task<bool> FolderExistsAsync(string path, CancellationToken ct = default);

    /// <summary>The folder's subfolders and files; empty when it does not exist.</summary>
    Task<MediaFolderListing> ListAsync(string folder, CancellationToken ct = default);

    /// <summary>Every file under the folder, depth first, as found (for a bounded search: stop enumerating when enough).</summary>
    IAsyncEnumerable<MediaFileInfo> ListFilesUnderAsync(string folder, CancellationToken ct = default);

    /// <summary>
    /// Copies <paramref name="content"/> to a temporary file beside the library, counting bytes as they arrive: more
    /// than <paramref name="maxBytes"/> throws <see cref="MediaTooLargeException"/> and leaves nothing. Disposing the
    /// staged file deletes it unless it was placed.
    /// </summary>
    Task<MediaStagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct = default);

    /// <summary>
    /// Moves a staged file into <paramref name="folder"/> as <paramref name="name"/>, or as <c>name-2.ext</c>,
    /// <c>name-3.ext</c>... when taken; never replaces a file. Returns the library path it got.
    /// </summary>
    Task<string> PlaceAsync(MediaStagedFile staged, string folder, string name, CancellationToken ct = default);

    /// <summary>Moves a staged file over <paramref name="path"/> in one atomic rename (readers see the old or the new file whole).</summary>
    Task ReplaceAsync(MediaStagedFile staged, string path, CancellationToken ct = default);

    /// <summary>Renames a file; false when <paramref name="to"/> is taken (nothing moves).</summary>
    Task<bool> MoveFileAsync(string from, string to, CancellationToken ct = default);

    /// <summary>Deletes a file; nothing happens when there is none.</summary>
    Task DeleteFileAsync(string path, CancellationToken ct = default);

    /// <summary>Creates the folder and any missing parents.</summary>
    Task CreateFolderAsync(string path, CancellationToken ct = default);

    /// <summary>Renames or moves a folder with everything in it; false when <paramref name="to"/> exists (nothing moves).</summary>
    Task<bool> MoveFolderAsync(string from, string to, CancellationToken ct = default);

    /// <summary>Deletes an empty folder; false when it holds anything.</summary>
    Task<bool> DeleteFolderAsync(string path, CancellationToken ct = default);
}
