// Why: every reader of an original (the media endpoint, the resizer, URLs with a fingerprint) goes through this one
// small class, so moving the library onto another storage changes this file, not its readers. Both storages today are
// folders (this node's or one the nodes share), read here directly so the endpoint can send files with ranges.
using System.Security.Cryptography;
using System.Text;
using OneDigital.Content.Media.Storage;

namespace OneDigital.Content.Media;

/// <summary>An original file of the media library: where it is, its length, when it was last written, its stamp.</summary>
public sealed record MediaOriginal(string Path, string FullPath, long Length, DateTimeOffset LastWriteUtc)
{
    /// <summary>
    /// A short fingerprint of this version of the file (length and last write), the same on every node that shares
    /// the files: URLs carry it as <c>v=</c> and variants are cached under it.
    /// </summary>
    public string Stamp { get; } = StampOf(Length, LastWriteUtc);

    public Stream Open() => new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);

    private static string StampOf(long length, DateTimeOffset lastWrite)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes($"{length}:{lastWrite.UtcTicks}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }
}

/// <summary>Finds the originals in the library's storage folder; a path outside it, a folder or a missing file is null.</summary>
public sealed class MediaOriginals(FolderMediaFileStore storage)
{
    private readonly string _root = storage.Root;

    public MediaOriginal? Find(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0')) return null;
        var full = MediaFolder.FileIn(_root, path);
        if (full is null) return null;
        var file = new FileInfo(full);
        if (!file.Exists || file.Attributes.HasFlag(FileAttributes.Directory)) return null;
        return new MediaOriginal(path.TrimStart('/', '\\'), full, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
    }

    /// <summary>The path in the library of a <c>/media/...</c> URL (its query dropped), or null for another URL.</summary>
    public static string? PathOf(string url)
    {
        if (!url.StartsWith(MediaUrls.Prefix, StringComparison.Ordinal)) return null;
        var end = url.IndexOfAny(['?', '#']);
        var path = end < 0 ? url[MediaUrls.Prefix.Length..] : url[MediaUrls.Prefix.Length..end];
        return Uri.UnescapeDataString(path);
    }
}
