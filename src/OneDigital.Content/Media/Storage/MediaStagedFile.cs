// Why: an upload is checked after it is on disk (leading bytes, an image's declared size) but before it is in the
// library; the staged file is that in-between state, and disposing it is how a refused upload leaves nothing.
namespace OneDigital.Content.Media.Storage;

/// <summary>An upload copied beside the library, not yet in it.</summary>
public sealed class MediaStagedFile(string tempPath, long length) : IAsyncDisposable
{
    internal string TempPath { get; } = tempPath;

    public long Length { get; } = length;

    /// <summary>Set once the file has been moved into the library, so disposing keeps it.</summary>
    internal bool Placed { get; set; }

    /// <summary>Reads the staged bytes (for the checks).</summary>
    public Stream OpenRead() => new FileStream(TempPath, FileMode.Open, FileAccess.Read, FileShare.Read, 16384, useAsync: true);

    public ValueTask DisposeAsync()
    {
        if (!Placed) File.Delete(TempPath);
        return ValueTask.CompletedTask;
    }
}

/// <summary>More bytes arrived than the limit allows; what was staged is gone.</summary>
public sealed class MediaTooLargeException(long limit) : Exception($"More than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
