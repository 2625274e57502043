// Why: the query string is the public surface of the resizer; each bad value gets a message naming the parameter,
// and sizes outside the allow-list are refused before any work, so nobody can make the server fill its disk.
using System.Globalization;

namespace OneDigital.Content.Media.Images;

/// <summary>Reads Orchard's resize query string into an <see cref="ImageResize"/>, or a message saying what is wrong.</summary>
public static class ImageResizeQuery
{
    /// <summary>The variant the query asks for (<see cref="ImageResize.IsVariant"/> false: the original), or an error.</summary>
    public static ImageResize Parse(Func<string, string?> query, MediaImageOptions options, out string? error)
    {
        error = null;
        var resize = new ImageResize();
        if (!TrySize(query("width"), "width", options, out var width, ref error)
            || !TrySize(query("height"), "height", options, out var height, ref error))
        {
            return resize;
        }
        if (!ImageResize.TryParseMode(query("rmode"), out var mode))
        {
            error = "rmode must be one of crop, pad, boxpad, max, min, stretch.";
            return resize;
        }
        if (!ImageResize.TryParseFormat(query("format"), out var format))
        {
            error = "format must be one of webp, jpg, png, gif.";
            return resize;
        }
        if (!ImageResize.TryParseFocus(query("rxy"), out var focus))
        {
            error = "rxy must be two fractions from 0 to 1, e.g. rxy=0.5,0.25.";
            return resize;
        }
        int? quality = null;
        if (query("quality") is { Length: > 0 } q)
        {
            if (!int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 100)
            {
                error = "quality must be a whole number from 1 to 100.";
                return resize;
            }
            quality = value;
        }
        var background = query("bgcolor") is { Length: > 0 } bg ? bg : null;
        if (background is not null && (background.Length > 32 || !background.All(c => char.IsAsciiLetterOrDigit(c) || c == '#')))
        {
            error = "bgcolor must be a hex colour (ffffff) or a colour name.";
            return resize;
        }
        var profile = query("profile") is { Length: > 0 } p ? p : null;
        return new ImageResize
        {
            Width = width,
            Height = height,
            Mode = mode,
            Format = format,
            Quality = quality,
            BackgroundColor = background,
            Focus = focus,
            Profile = profile,
        };
    }

    private static bool TrySize(string? text, string name, MediaImageOptions options, out int? size, ref string? error)
    {
        size = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || !options.Sizes.Contains(value))
        {
            error = $"{name} must be one of the supported sizes ({string.Join(", ", options.Sizes)}) or the image asked for through a media profile (?profile=name).";
            return false;
        }
        size = value;
        return true;
    }
}
