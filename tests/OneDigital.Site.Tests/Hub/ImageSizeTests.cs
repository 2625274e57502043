// Why: the sizes pages give their images come from the files' headers; each format the media library allows for
// images must give its true size, and anything else none (the page then leaves the size out rather than lie).
using System.Buffers.Binary;
using OneDigital.Site.Blog;

namespace OneDigital.Site.Tests.Hub;

public sealed class ImageSizeTests
{
    [Test]
    public void A_png_gif_jpeg_or_webp_header_gives_the_image_size()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ImageSize.Read(Png(640, 427)), Is.EqualTo((640, 427)));
            Assert.That(ImageSize.Read(Gif(300, 200)), Is.EqualTo((300, 200)));
            Assert.That(ImageSize.Read(Jpeg(1024, 768)), Is.EqualTo((1024, 768)));
            Assert.That(ImageSize.Read(WebPExtended(1200, 630)), Is.EqualTo((1200, 630)));
        });
    }

    [Test]
    public void Other_or_cut_short_files_give_no_size()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ImageSize.Read("%PDF-1.7 not an image"u8), Is.Null);
            Assert.That(ImageSize.Read(Png(640, 427).AsSpan(0, 12)), Is.Null);
            Assert.That(ImageSize.Read(Jpeg(1024, 768).AsSpan(0, 6)), Is.Null);
            Assert.That(ImageSize.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".png")), Is.Null, "a missing file");
        });
    }

    /// <summary>A PNG's signature and IHDR chunk: all a size reader needs.</summary>
    internal static byte[] Png(int width, int height)
    {
        var data = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(data, 0);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(20), height);
        data[24] = 8;
        data[25] = 2;
        return data;
    }

    private static byte[] Gif(int width, int height)
    {
        var data = new byte[13];
        "GIF89a"u8.CopyTo(data);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(8), (ushort)height);
        return data;
    }

    // SOI, an APP0 segment to skip, then SOF0 with the height before the width.
    private static byte[] Jpeg(int width, int height)
    {
        var data = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 };
        data.AddRange("JFIF\0"u8.ToArray());
        data.AddRange(new byte[9]);
        data.AddRange(new byte[] { 0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03 });
        data.AddRange(new byte[12]);
        return [.. data];
    }

    private static byte[] WebPExtended(int width, int height)
    {
        var data = new byte[30];
        "RIFF"u8.CopyTo(data);
        "WEBPVP8X"u8.CopyTo(data.AsSpan(8));
        data[24] = (byte)(width - 1);
        data[25] = (byte)((width - 1) >> 8);
        data[27] = (byte)(height - 1);
        data[28] = (byte)((height - 1) >> 8);
        return data;
    }
}
