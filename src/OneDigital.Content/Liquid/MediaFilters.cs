// Why: templates (the readers' theme, and Orchard templates brought over) ask for images at the size their layout
// needs with Orchard's `resize_url`, and for a `srcset`; both write the URL the media endpoint understands.
using System.Globalization;
using Fluid;
using Fluid.Values;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Images;

namespace OneDigital.Content.Liquid;

/// <summary>
/// <c>{{ url | resize_url: width: 640, height: 480, mode: "crop", format: "webp", quality: 80, bgcolor: "fff",
/// anchor: image.Anchor, rxy: "0.2,0.3", profile: "banner" }}</c> (Orchard's order when positional: width, height,
/// mode, quality, format, anchor, bgcolor) and <c>{{ url | srcset: widths: "480,1024", format: "webp" }}</c>
/// (the same options; widths as a list or a comma-separated text). Input is a <c>/media/</c> URL or a library path.
/// </summary>
public static class MediaFilters
{
    private static readonly string[] Positional = ["width", "height", "mode", "quality", "format", "anchor", "bgcolor"];

    public static void Register(TemplateOptions options)
    {
        options.Filters.AddFilter("resize_url", async (input, arguments, context) =>
        {
            var url = UrlOf(input.ToStringValue());
            return url is null ? NilValue.Instance : new StringValue(MediaUrls.WithResize(url, await ReadAsync(arguments, context)));
        });
        options.Filters.AddFilter("srcset", async (input, arguments, context) =>
        {
            var url = UrlOf(input.ToStringValue());
            var widths = Widths(Named(arguments, "widths"));
            if (url is null || widths.Count == 0) return NilValue.Instance;
            var resize = await ReadAsync(arguments, context);
            return new StringValue(MediaUrls.Srcset(url, widths, resize with { Width = null }));
        });
    }

    private static string? UrlOf(string input) =>
        string.IsNullOrWhiteSpace(input) ? null
        : input.StartsWith('/') || input.Contains("://", StringComparison.Ordinal) ? input
        : MediaUrls.Of(input);

    private static FluidValue Named(FilterArguments arguments, string name)
    {
        if (arguments.HasNamed(name)) return arguments[name];
        var at = Array.IndexOf(Positional, name);
        return at >= 0 && !arguments.Names.Any() && at < arguments.Count ? arguments.At(at) : NilValue.Instance;
    }

    private static async ValueTask<ImageResize> ReadAsync(FilterArguments arguments, TemplateContext context)
    {
        string? Text(string name) => Named(arguments, name) is var v && !v.IsNil() && v.ToStringValue() is { Length: > 0 } s ? s : null;
        int? Number(string name) => Named(arguments, name) is var v && !v.IsNil() && v.ToNumberValue() is > 0 and var n ? (int)n : null;

        var mode = ImageResize.TryParseMode(Text("mode"), out var m) ? m : null;
        var format = ImageResize.TryParseFormat(Text("format"), out var f) ? f : null;
        var focus = ImageResize.TryParseFocus(Text("rxy"), out var r) ? r : null;
        if (Named(arguments, "anchor") is ObjectValue or DictionaryValue)
        {
            var anchor = Named(arguments, "anchor");
            var x = (await anchor.GetValueAsync("X", context)).ToNumberValue();
            var y = (await anchor.GetValueAsync("Y", context)).ToNumberValue();
            if (x is >= 0 and <= 1 && y is >= 0 and <= 1) focus = ((double)x, (double)y);
        }
        return new ImageResize
        {
            Width = Number("width"),
            Height = Number("height"),
            Mode = mode,
            Format = format,
            Quality = Number("quality") is <= 100 and var q ? q : null,
            BackgroundColor = Text("bgcolor"),
            Focus = focus,
            Profile = Text("profile"),
        };
    }

    private static List<int> Widths(FluidValue value)
    {
        IEnumerable<string> texts = value is ArrayValue array
            ? array.Values.Select(v => v.ToStringValue())
            : value.ToStringValue().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return [.. texts.Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0).Where(w => w > 0)];
    }
}
