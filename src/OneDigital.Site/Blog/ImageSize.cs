// Why: an image shown with its width and height keeps the page from jumping as it loads (and lets the browser lay
// out a lazy image it has not fetched); the media library keeps no sizes, so the file's header is read, which costs
// a few bytes, not an image library.
using System.Buffers.Binary;

namespace OneDigital.Site.Blog;

/// <summary>The pixel size of a PNG, GIF, JPEG or WebP file from its header.</summary>
public static class ImageSize
{
    private const int HeaderBytes = 64 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The size, or null when the file is missing, of another format, or damaged.</summary>
    public static (int Width, int Height)? Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[(int)Math.Min(HeaderBytes, stream.Length)];
            stream.ReadExactly(buffer);
            return Read(buffer);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The size from the file's first bytes, or null.</summary>
    public static (int Width, int Height)? Read(ReadOnlySpan<byte> data)
    {
        var size = data switch
        {
            _ when data.Length >= 24 && data[..8].SequenceEqual(PngSignature) =>
                (BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadInt32BigEndian(data[20..])),
            _ when data.Length >= 10 && data[..4].SequenceEqual("GIF8"u8) =>
                (BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..])),
            _ when data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8 => Jpeg(data),
            _ when data.Length >= 30 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8) => WebP(data),
            _ => (0, 0),
        };
        return size.Item1 > 0 && size.Item2 > 0 ? size : null;
    }

    // Segments until a start-of-frame marker (C0–CF but C4, C8 and CC), which holds the height, then the width.
    private static (int, int) Jpeg(ReadOnlySpan<byte> data)
    {
        var at = 2;
        while (at + 9 < data.Length)
        {
            if (data[at] != 0xFF) return (0, 0);
            var marker = data[at + 1];
            if (marker == 0xFF) { at++; continue; }
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]));
            }
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
        }
        return (0, 0);
    }

    private static (int, int) WebP(ReadOnlySpan<byte> data) => data[12..16] switch
    {
        var chunk when chunk.SequenceEqual("VP8X"u8) => (1 + Int24(data[24..]), 1 + Int24(data[27..])),
        var chunk when chunk.SequenceEqual("VP8L"u8) => (1 + ((data[22] & 0x3F) << 8 | data[21]), 1 + ((data[24] & 0x0F) << 10 | data[23] << 2 | data[22] >> 6)),
        var chunk when chunk.SequenceEqual("VP8 "u8) => (BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF),
        _ => (0, 0),
    };

    private static int Int24(ReadOnlySpan<byte> data) => data[0] | data[1] << 8 | data[2] << 16;
}
