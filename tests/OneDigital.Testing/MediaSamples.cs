// Why: upload tests in every project need real files of each kind and hostile ones built byte by byte; made here in
// code, so no fixture file can drift from what a test says it is.
using System.Buffers.Binary;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace OneDigital.Testing;

public static class MediaSamples
{
    /// <summary>A real PNG of the given size.</summary>
    public static byte[] Png(int width = 4, int height = 3)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 30, 30));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>A real JPEG of the given size.</summary>
    public static byte[] Jpeg(int width = 4, int height = 3)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(30, 30, 200));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    /// <summary>A blue JPEG with a red square whose centre is at (<paramref name="redX"/>, <paramref name="redY"/>): where a crop or focal point lands shows in its pixels.</summary>
    public static byte[] JpegWithRedSquare(int width, int height, int redX, int redY, int redSize)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(30, 60, 160));
        var red = new Rgb24(255, 0, 0);
        for (var y = Math.Max(0, redY - redSize / 2); y < Math.Min(height, redY + redSize / 2); y++)
        {
            for (var x = Math.Max(0, redX - redSize / 2); x < Math.Min(width, redX + redSize / 2); x++)
            {
                image[x, y] = red;
            }
        }
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    /// <summary>Whether any pixel of the encoded image is clearly red.</summary>
    public static bool HasRed(byte[] encoded)
    {
        using var image = Image.Load<Rgb24>(encoded);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var p = image[x, y];
                if (p.R > 200 && p.G < 80 && p.B < 80) return true;
            }
        }
        return false;
    }

    /// <summary>A small PDF (its leading bytes and an empty page are all a check looks at).</summary>
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>An image bomb: a PNG of a few dozen bytes whose header declares <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        Chunk(stream, "IHDR", header);
        Chunk(stream, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>An HTML page, to be sent under an image's name.</summary>
    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    /// <summary>An SVG that runs script.</summary>
    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
