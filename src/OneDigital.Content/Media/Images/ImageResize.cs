// Why: one shape for "this image at that size" serves the media endpoint (parsing Orchard's query string), GraphQL,
// Liquid and the readers' site (writing it), so a URL any of them writes is the one the endpoint understands and
// the same options always give the same cache key.
using System.Globalization;
using System.Text;

namespace OneDigital.Content.Media.Images;

/// <summary>How the image fits the box (ImageSharp's and Orchard's <c>rmode</c>).</summary>
public enum ResizeMode
{
    Max,
    Crop,
    Pad,
    BoxPad,
    Min,
    Stretch,
}

/// <summary>The encoded format of a variant (Orchard's <c>format</c>).</summary>
public enum ImageOutputFormat
{
    Jpg,
    Png,
    WebP,
    Gif,
}

/// <summary>
/// A variant of an image: Orchard's query string <c>width</c>, <c>height</c>, <c>rmode</c>, <c>rxy</c> (the focal
/// point as fractions), <c>format</c>, <c>quality</c>, <c>bgcolor</c>, or a named <c>profile</c>.
/// </summary>
public sealed record ImageResize
{
    public int? Width { get; init; }
    public int? Height { get; init; }
    public ResizeMode? Mode { get; init; }
    public ImageOutputFormat? Format { get; init; }
    public int? Quality { get; init; }

    /// <summary>Hex (<c>#ffffff</c>, <c>ffffff</c>) or a CSS colour name; used by pad modes.</summary>
    public string? BackgroundColor { get; init; }

    /// <summary>The focal point, 0–1 from the left and the top, kept in the picture by <see cref="ResizeMode.Crop"/>.</summary>
    public (double X, double Y)? Focus { get; init; }

    /// <summary>A media profile's name: its sizes and options are the server's, not the URL's.</summary>
    public string? Profile { get; init; }

    /// <summary>True when the request asks for any variant at all (otherwise the original is served).</summary>
    public bool IsVariant => Width is not null || Height is not null || Profile is not null || Format is not null;

    /// <summary>Orchard's query string in a fixed order (no leading <c>?</c>); empty for the original.</summary>
    public string ToQuery()
    {
        var query = new StringBuilder();
        // Numbers and names are written as they are (Orchard's `rxy=0.5,0.5`); free text is escaped.
        void Add(string key, string? value, bool escape = false)
        {
            if (value is null) return;
            query.Append(query.Length == 0 ? "" : "&").Append(key).Append('=').Append(escape ? Uri.EscapeDataString(value) : value);
        }
        Add("profile", Profile, escape: true);
        Add("width", Width?.ToString(CultureInfo.InvariantCulture));
        Add("height", Height?.ToString(CultureInfo.InvariantCulture));
        Add("rmode", Mode is { } mode ? ModeName(mode) : null);
        Add("rxy", Focus is { } f ? $"{Fraction(f.X)},{Fraction(f.Y)}" : null);
        Add("format", Format is { } format ? FormatName(format) : null);
        Add("quality", Quality?.ToString(CultureInfo.InvariantCulture));
        Add("bgcolor", BackgroundColor, escape: true);
        return query.ToString();
    }

    public static string ModeName(ResizeMode mode) => mode.ToString().ToLowerInvariant();

    public static string FormatName(ImageOutputFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>A mode by Orchard's name (<c>crop</c>, <c>BoxPad</c>...) or its number in Orchard's enum (Undefined = 0).</summary>
    public static bool TryParseMode(string? text, out ResizeMode? mode)
    {
        mode = null;
        if (string.IsNullOrWhiteSpace(text) || text.Equals("undefined", StringComparison.OrdinalIgnoreCase) || text == "0") return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            // Orchard's ResizeMode: Undefined, Max, Crop, Pad, BoxPad, Min, Stretch.
            if (number is < 1 or > 6) return false;
            mode = (ResizeMode)(number - 1);
            return true;
        }
        if (Enum.TryParse<ResizeMode>(text, ignoreCase: true, out var named) && Enum.IsDefined(named))
        {
            mode = named;
            return true;
        }
        return false;
    }

    /// <summary>A format by name (<c>webp</c>, <c>jpg</c>, <c>jpeg</c>, <c>png</c>, <c>gif</c>) or Orchard's enum number.</summary>
    public static bool TryParseFormat(string? text, out ImageOutputFormat? format)
    {
        format = null;
        if (string.IsNullOrWhiteSpace(text) || text.Equals("undefined", StringComparison.OrdinalIgnoreCase) || text == "0") return true;
        format = text.ToLowerInvariant() switch
        {
            "jpg" or "jpeg" or "3" => ImageOutputFormat.Jpg,
            "png" or "4" => ImageOutputFormat.Png,
            "webp" or "6" => ImageOutputFormat.WebP,
            "gif" or "2" => ImageOutputFormat.Gif,
            _ => null,
        };
        return format is not null;
    }

    /// <summary>A focal point written <c>x,y</c> with fractions 0–1, rounded to hundredths (so URLs share variants).</summary>
    public static bool TryParseFocus(string? text, out (double X, double Y)? focus)
    {
        focus = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var parts = text.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            || x is < 0 or > 1 || y is < 0 or > 1)
        {
            return false;
        }
        focus = (Math.Round(x, 2), Math.Round(y, 2));
        return true;
    }

    private static string Fraction(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
