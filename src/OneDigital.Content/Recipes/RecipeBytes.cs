using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace OneDigital.Content.Recipes;

/// <summary>
/// A recipe's UTF-8 bytes: its file, read again by byte range as each step runs (so no more than one step, or one
/// item, of a large recipe is in memory at a time), or the text of a recipe given in memory.
/// </summary>
public sealed class RecipeBytes
{
    private readonly string? _path;
    private readonly byte[]? _memory;
    private readonly long _length;
    private readonly DateTime _written;

    private RecipeBytes(string? path, byte[]? memory)
    {
        _path = path;
        _memory = memory;
        if (path is not null)
        {
            var info = new FileInfo(path);
            (_length, _written) = (info.Length, info.LastWriteTimeUtc);
        }
    }

    public static RecipeBytes FromFile(string path) => new(path, null);

    public static RecipeBytes FromMemory(byte[] utf8) => new(null, utf8);

    /// <summary>The whole recipe as a stream, for the first pass that finds where each step lies.</summary>
    internal Stream OpenStream() => _memory is not null ? new MemoryStream(_memory, writable: false) : File.OpenRead(_path!);

    /// <summary>Opens the bytes for reading ranges; the file must be as it was when the recipe was read.</summary>
    internal RecipeRangeReader Open()
    {
        if (_memory is not null)
        {
            return new RecipeRangeReader(null, _memory);
        }
        var info = new FileInfo(_path!);
        if (!info.Exists || info.Length != _length || info.LastWriteTimeUtc != _written)
        {
            // The recorded ranges would point into other text.
            throw new InvalidOperationException($"The recipe file '{_path}' changed or was removed after it was read; read it again.");
        }
        return new RecipeRangeReader(File.OpenHandle(_path!, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess), null);
    }
}

/// <summary>Reads byte ranges of a recipe into one reused buffer: a range is valid until the next read.</summary>
internal sealed class RecipeRangeReader(SafeFileHandle? file, byte[]? memory) : IDisposable
{
    private byte[] _buffer = [];

    public ReadOnlySpan<byte> Read(RecipeRange range)
    {
        var length = checked((int)(range.End - range.Start));
        if (memory is not null)
        {
            return memory.AsSpan((int)range.Start, length);
        }
        if (_buffer.Length < length)
        {
            if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(length);
        }
        var span = _buffer.AsSpan(0, length);
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(file!, span[read..], range.Start + read);
            if (n == 0) throw new InvalidOperationException("The recipe file ended early: it changed after it was read.");
            read += n;
        }
        return span;
    }

    public void Dispose()
    {
        file?.Dispose();
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}

/// <summary>Where one JSON value lies in the recipe's bytes: from its first byte to just after its last.</summary>
public readonly record struct RecipeRange(long Start, long End);
