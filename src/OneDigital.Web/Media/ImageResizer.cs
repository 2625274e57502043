// Why: image files are input from outside; the decoder is only asked to decode after the header says the image is a
// reasonable size, memory comes from a bounded pool, and metadata (EXIF, with GPS) is dropped from every variant.
using OneDigital.Content.Media.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Processing;
using ImageSharpResizeMode = SixLabors.ImageSharp.Processing.ResizeMode;
using ResizeMode = OneDigital.Content.Media.Images.ResizeMode;

namespace OneDigital.Web.Media;

/// <summary>Resizes one image with SixLabors.ImageSharp into a stream, in the requested or the original's format.</summary>
public sealed class ImageResizer
{
    public const int DefaultQuality = 75;

    private readonly Configuration _configuration;
    private readonly long _maxPixels;

    public ImageResizer(MediaImageOptions options)
    {
        _maxPixels = options.MaxImagePixels;
        _configuration = Configuration.Default.Clone();
        // Pooled buffers are kept small; an image larger than the pool is allocated and freed, not retained.
        _configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { MaximumPoolSizeMegabytes = 64 });
    }

    /// <summary>The format a variant is written in: the one asked for, else the original's (other formats become PNG).</summary>
    public static ImageOutputFormat OutputFormat(ImageResize resize, string originalPath) => resize.Format ?? Path.GetExtension(originalPath).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => ImageOutputFormat.Jpg,
        ".webp" => ImageOutputFormat.WebP,
        ".gif" => ImageOutputFormat.Gif,
        _ => ImageOutputFormat.Png,
    };

    public static string ContentType(ImageOutputFormat format) => format switch
    {
        ImageOutputFormat.Jpg => "image/jpeg",
        ImageOutputFormat.WebP => "image/webp",
        ImageOutputFormat.Gif => "image/gif",
        _ => "image/png",
    };

    public static string Extension(ImageOutputFormat format) => format switch
    {
        ImageOutputFormat.Jpg => ".jpg",
        ImageOutputFormat.WebP => ".webp",
        ImageOutputFormat.Gif => ".gif",
        _ => ".png",
    };

    /// <summary>Writes the variant of <paramref name="source"/> to <paramref name="output"/>.</summary>
    /// <exception cref="MediaRequestException">The file is not an image ImageSharp reads, or has too many pixels.</exception>
    public async Task ResizeAsync(Func<Stream> source, ImageResize resize, ImageOutputFormat format, Stream output, CancellationToken ct)
    {
        await using (var header = source())
        {
            var info = await IdentifyAsync(header, ct);
            if ((long)info.Width * info.Height > _maxPixels)
            {
                throw new MediaRequestException(
                    $"The image is {info.Width} × {info.Height} pixels, more than the {_maxPixels:N0} this site resizes.");
            }
        }
        await using var stream = source();
        using var image = await LoadAsync(stream, ct);
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        var background = Background(resize, format);
        image.Mutate(x =>
        {
            x.AutoOrient();
            if (resize.Width is not null || resize.Height is not null)
            {
                x.Resize(new ResizeOptions
                {
                    Size = new Size(resize.Width ?? 0, resize.Height ?? 0),
                    Mode = Mode(resize.Mode ?? ResizeMode.Max),
                    CenterCoordinates = resize.Focus is { } focus ? new PointF((float)focus.X, (float)focus.Y) : null,
                });
            }
            if (background is { } color) x.BackgroundColor(color);
        });
        var quality = resize.Quality ?? DefaultQuality;
        IImageEncoder encoder = format switch
        {
            ImageOutputFormat.Jpg => new JpegEncoder { Quality = quality },
            ImageOutputFormat.WebP => new WebpEncoder { Quality = quality },
            ImageOutputFormat.Gif => new GifEncoder(),
            _ => new PngEncoder(),
        };
        await image.SaveAsync(output, encoder, ct);
    }

    private async Task<IImageInfo> IdentifyAsync(Stream stream, CancellationToken ct)
    {
        try
        {
            return await Image.IdentifyAsync(_configuration, stream, ct)
                ?? throw new MediaRequestException("The file is not an image this site can resize.");
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw new MediaRequestException("The file is not an image this site can resize.");
        }
    }

    private async Task<Image> LoadAsync(Stream stream, CancellationToken ct)
    {
        try
        {
            return await Image.LoadAsync(_configuration, stream, ct);
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException or NotSupportedException or ImageFormatException)
        {
            throw new MediaRequestException("The image cannot be read.");
        }
    }

    // Pad modes fill with the colour asked for; a JPEG has no transparency, so it gets white rather than black.
    private static Color? Background(ImageResize resize, ImageOutputFormat format)
    {
        if (resize.BackgroundColor is { } text)
        {
            if (Color.TryParse(text, out var color) || Color.TryParseHex(text, out color)) return color;
            throw new MediaRequestException("bgcolor must be a hex colour (ffffff) or a colour name.");
        }
        return format == ImageOutputFormat.Jpg && resize.Mode is ResizeMode.Pad or ResizeMode.BoxPad ? Color.White : null;
    }

    private static ImageSharpResizeMode Mode(ResizeMode mode) => mode switch
    {
        ResizeMode.Crop => ImageSharpResizeMode.Crop,
        ResizeMode.Pad => ImageSharpResizeMode.Pad,
        ResizeMode.BoxPad => ImageSharpResizeMode.BoxPad,
        ResizeMode.Min => ImageSharpResizeMode.Min,
        ResizeMode.Stretch => ImageSharpResizeMode.Stretch,
        _ => ImageSharpResizeMode.Max,
    };
}
