// Why: one implementation serves both the node's own data folder and a folder on storage several nodes mount (NFS,
// SMB, a cloud file share): every write lands by an atomic rename inside the root, so another node never reads half
// a file, and nothing about the library is kept in this process, so every node sees the folder as it is.
using System.Globalization;
using System.Runtime.CompilerServices;

namespace OneDigital.Content.Media.Storage;

/// <summary>
/// The library as a folder. Uploads are staged in <c>{root}/.staging</c> (the same file system, so the rename that
/// places them is atomic); names starting with a dot are never listed or reachable. <paramref name="flushToDisk"/>
/// (the shared folder) forces a staged file's bytes to the storage before it is renamed into view, so a node that
/// sees the name on shared storage also sees the whole content.
/// </summary>
public sealed class FolderMediaFileStore(string root, bool flushToDisk) : IMediaFileStore
{
    private const string StagingFolder = ".staging";

    public string Root { get; } = Path.GetFullPath(root);

    public Task<MediaFileInfo?> GetFileAsync(string path, CancellationToken ct = default)
    {
        var full = FileIn(path);
        var info = full is null ? null : new FileInfo(full);
        return Task.FromResult(info is { Exists: true } ? Info(LibraryPath(path), info) : null);
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken ct = default)
    {
        var full = FileIn(path) ?? throw new FileNotFoundException($"'{path}' is not in the media library.");
        return Task.FromResult<Stream>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 16384, useAsync: true));
    }

    public Task<bool> FolderExistsAsync(string path, CancellationToken ct = default) =>
        Task.FromResult(LibraryPath(path).Length == 0 || (FileIn(path) is { } full && Directory.Exists(full)));

    public Task<MediaFolderListing> ListAsync(string folder, CancellationToken ct = default)
    {
        var full = FolderIn(folder);
        if (full is null || !Directory.Exists(full)) return Task.FromResult(new MediaFolderListing([], []));
        var prefix = LibraryPath(folder) is { Length: > 0 } p ? p + "/" : "";
        var directory = new DirectoryInfo(full);
        var folders = directory.EnumerateDirectories().Where(d => Visible(d.Name))
            .Select(d => prefix + d.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var files = directory.EnumerateFiles().Where(f => Visible(f.Name))
            .Select(f => Info(prefix + f.Name, f)).OrderBy(f => f.Path, StringComparer.OrdinalIgnoreCase).ToList();
        return Task.FromResult(new MediaFolderListing(folders, files));
    }

    public async IAsyncEnumerable<MediaFileInfo> ListFilesUnderAsync(string folder, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var pending = new Stack<string>([LibraryPath(folder)]);
        while (pending.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var listing = await ListAsync(pending.Pop(), ct);
            foreach (var file in listing.Files) yield return file;
            for (var i = listing.Folders.Count - 1; i >= 0; i--) pending.Push(listing.Folders[i]);
        }
    }

    public async Task<MediaStagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        var staging = Path.Combine(Root, StagingFolder);
        Directory.CreateDirectory(staging);
        var temp = Path.Combine(staging, $"{Guid.NewGuid():N}.part");
        try
        {
            long total = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    // Counted as it arrives: a declared length can lie.
                    if (total > maxBytes) throw new MediaTooLargeException(maxBytes);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                if (flushToDisk) file.Flush(flushToDisk: true);
            }
            return new MediaStagedFile(temp, total);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public Task<string> PlaceAsync(MediaStagedFile staged, string folder, string name, CancellationToken ct = default)
    {
        var directory = FolderIn(folder) ?? throw new ArgumentException($"'{folder}' is outside the media library.", nameof(folder));
        if (!Visible(name) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a file name the library keeps.", nameof(name));
        }
        Directory.CreateDirectory(directory);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? name : $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}{extension}";
            var target = Path.Combine(directory, candidate);
            // The name is claimed by creating it exclusively (one atomic create, also between nodes sharing the folder),
            // then the staged file renamed over the empty claim: File.Move without overwrite checks and renames in two
            // steps on Linux, so two nodes placing the same name at once could both "succeed" onto one file.
            try
            {
                new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None).Dispose();
            }
            catch (IOException) when (File.Exists(target) && n < 1000)
            {
                continue;
            }
            File.Move(staged.TempPath, target, overwrite: true);
            staged.Placed = true;
            var prefix = LibraryPath(folder);
            return Task.FromResult(prefix.Length == 0 ? candidate : $"{prefix}/{candidate}");
        }
    }

    public Task ReplaceAsync(MediaStagedFile staged, string path, CancellationToken ct = default)
    {
        var full = FileIn(path) ?? throw new ArgumentException($"'{path}' is outside the media library.", nameof(path));
        File.Move(staged.TempPath, full, overwrite: true);
        staged.Placed = true;
        return Task.CompletedTask;
    }

    public Task<bool> MoveFileAsync(string from, string to, CancellationToken ct = default)
    {
        var source = FileIn(from) ?? throw new FileNotFoundException($"'{from}' is not in the media library.");
        var target = FileIn(to) ?? throw new ArgumentException($"'{to}' is outside the media library.", nameof(to));
        if (File.Exists(target) || Directory.Exists(target)) return Task.FromResult(false);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(source, target, overwrite: false);
            return Task.FromResult(true);
        }
        catch (IOException) when (File.Exists(target))
        {
            return Task.FromResult(false);
        }
    }

    public Task DeleteFileAsync(string path, CancellationToken ct = default)
    {
        if (FileIn(path) is { } full) File.Delete(full);
        return Task.CompletedTask;
    }

    public Task CreateFolderAsync(string path, CancellationToken ct = default)
    {
        Directory.CreateDirectory(FolderIn(path) ?? throw new ArgumentException($"'{path}' is outside the media library.", nameof(path)));
        return Task.CompletedTask;
    }

    public Task<bool> MoveFolderAsync(string from, string to, CancellationToken ct = default)
    {
        var source = FileIn(from) ?? throw new ArgumentException($"'{from}' is not a folder in the media library.", nameof(from));
        var target = FileIn(to) ?? throw new ArgumentException($"'{to}' is outside the media library.", nameof(to));
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"'{from}' is not a folder in the media library.");
        if (Directory.Exists(target) || File.Exists(target)) return Task.FromResult(false);
        if ((target + Path.DirectorySeparatorChar).StartsWith(source + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("A folder cannot be moved into itself.", nameof(to));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.Move(source, target);
        return Task.FromResult(true);
    }

    public Task<bool> DeleteFolderAsync(string path, CancellationToken ct = default)
    {
        var full = FileIn(path);
        if (full is null || !Directory.Exists(full)) return Task.FromResult(true);
        if (Directory.EnumerateFileSystemEntries(full).Any()) return Task.FromResult(false);
        Directory.Delete(full);
        return Task.FromResult(true);
    }

    /// <summary>The full path of a file or folder below the root, or null when the path leaves it or names a hidden entry.</summary>
    private string? FileIn(string path)
    {
        var library = LibraryPath(path);
        if (library.Length == 0 || library.Split('/').Any(s => !Visible(s))) return null;
        return MediaFolder.FileIn(Root, library);
    }

    /// <summary>As <see cref="FileIn"/>, where "" is the root itself.</summary>
    private string? FolderIn(string path) => LibraryPath(path).Length == 0 ? Root : FileIn(path);

    private static string LibraryPath(string path) => path.Replace('\\', '/').Trim('/');

    private static bool Visible(string name) => name.Length > 0 && name[0] != '.';

    private static MediaFileInfo Info(string path, FileInfo file) => new(path, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
}
