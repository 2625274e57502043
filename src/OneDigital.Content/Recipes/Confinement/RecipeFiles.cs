using System.Text;

namespace OneDigital.Content.Recipes.Confinement;

/// <summary>
/// Resolves the files a recipe names (<c>[file:text()]</c>, a media step's <c>SourcePath</c>) inside the recipe's own
/// folder: no absolute paths, no <c>..</c> out of it, no symbolic link that leads out of it, regular files only and
/// no larger than a limit, so a recipe cannot read <c>/etc/passwd</c>, <c>/proc/self/environ</c> or <c>/dev/zero</c>.
/// </summary>
public static class RecipeFiles
{
    // Enough for any real chain of links; a loop stops here instead of recursing forever.
    private const int MaxLinkHops = 40;

    /// <summary>
    /// The real path (links resolved) of <paramref name="relative"/> under <paramref name="folder"/>; it may not
    /// exist. Throws <see cref="RecipeFileException"/> when the path is absolute or leads out of the folder.
    /// </summary>
    public static string Resolve(string folder, string relative)
    {
        if (string.IsNullOrWhiteSpace(relative))
        {
            throw new RecipeFileException("the path is empty.");
        }
        if (Path.IsPathRooted(relative) || relative.StartsWith('~') || relative.Contains(':', StringComparison.Ordinal))
        {
            throw new RecipeFileException($"'{relative}' is an absolute path; a recipe may only name files inside its own folder, relative to it.");
        }
        var root = RealPath(Path.GetFullPath(folder), 0);
        var lexical = Path.GetFullPath(Path.Combine(root, relative));
        if (!IsInside(root, lexical))
        {
            throw new RecipeFileException($"'{relative}' leads out of the recipe's folder; a recipe may only name files inside it.");
        }
        var real = RealPath(lexical, 0);
        if (!IsInside(root, real))
        {
            throw new RecipeFileException($"'{relative}' is a symbolic link (or lies below one) that leads out of the recipe's folder.");
        }
        return real;
    }

    /// <summary>
    /// Reads a resolved file as UTF-8 text, refusing anything but a regular file of at most
    /// <paramref name="maxBytes"/>. A device or a <c>/proc</c> file reports a length its content does not match,
    /// which is how they are told apart without platform calls.
    /// </summary>
    public static string ReadText(string path, string relative, long maxBytes) =>
        Encoding.UTF8.GetString(ReadBytes(path, relative, maxBytes, "OneDigital:Recipes:MaxFileBytes"));

    /// <summary>Checks that a resolved media source is a regular file within the limit, without reading it all.</summary>
    public static void CheckRegularFile(string path, string relative, long maxBytes, string limitName)
    {
        using var stream = Open(path, relative);
        CheckLength(stream, relative, maxBytes, limitName);
        // One byte past the reported end tells a device or a pseudo-file from a regular file.
        stream.Seek(stream.Length, SeekOrigin.Begin);
        if (stream.ReadByte() != -1)
        {
            throw NotRegular(relative);
        }
    }

    /// <summary>Copies a resolved, checked file, reading no more than its checked length (it may have grown since).</summary>
    public static async Task CopyAsync(string source, string destination, long maxBytes)
    {
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read);
        await using var output = new FileStream(destination, FileMode.Create, FileAccess.Write);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await input.ReadAsync(buffer)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new RecipeFileException($"'{source}' grew past OneDigital:Recipes:MaxMediaFileBytes ({maxBytes} bytes) while it was copied.");
            }
            await output.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    private static byte[] ReadBytes(string path, string relative, long maxBytes, string limitName)
    {
        using var stream = Open(path, relative);
        var length = CheckLength(stream, relative, maxBytes, limitName);
        var bytes = new byte[length];
        var offset = 0;
        while (offset < length)
        {
            var read = stream.Read(bytes, offset, (int)length - offset);
            if (read == 0) break;
            offset += read;
        }
        if (offset != length || stream.ReadByte() != -1)
        {
            throw NotRegular(relative);
        }
        return bytes;
    }

    private static FileStream Open(string path, string relative)
    {
        if (Directory.Exists(path))
        {
            throw new RecipeFileException($"'{relative}' is a folder, not a file.");
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw NotRegular(relative);
        }
        return stream;
    }

    private static long CheckLength(FileStream stream, string relative, long maxBytes, string limitName)
    {
        var length = stream.Length;
        return length > maxBytes
            ? throw new RecipeFileException($"'{relative}' is {length} bytes, more than {limitName} ({maxBytes} bytes).")
            : length;
    }

    private static RecipeFileException NotRegular(string relative) =>
        new($"'{relative}' is not a regular file (a device, pipe or system file); a recipe may only read regular files.");

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, PathComparison);

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// The path with every symbolic link along it replaced by where it leads, component by component, so what is
    /// checked is what will be opened. Components that do not exist are kept as they are.
    /// </summary>
    private static string RealPath(string fullPath, int hops)
    {
        var root = Path.GetPathRoot(fullPath)!;
        var current = root;
        var parts = fullPath[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is not null)
            {
                if (++hops > MaxLinkHops)
                {
                    throw new RecipeFileException($"'{next}' is a chain of more than {MaxLinkHops} symbolic links.");
                }
                next = RealPath(Path.GetFullPath(Path.Combine(current, target)), hops);
            }
            current = next;
        }
        return current;
    }
}

/// <summary>A file a recipe names that it may not read; the caller adds the step and the JSON path.</summary>
public sealed class RecipeFileException(string message) : Exception(message);
