// Why: the resizing tests need real photographs' sizes without shipping binary fixtures; images are drawn here.
using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace OneDigital.Web.Tests.Media;

internal static class TestImages
{
    /// <summary>A blue JPEG with a red square whose centre is at (<paramref name="redX"/>, <paramref name="redY"/>).</summary>
    public static byte[] Jpeg(int width, int height, int redX, int redY, int redSize)
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
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(0, 128, 0, 255));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    /// <summary>A few hundred bytes declaring a huge PNG (an image bomb): its header alone says how large it is.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(output, "IHDR", header);
        Chunk(output, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>Whether any pixel is clearly red.</summary>
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
}
