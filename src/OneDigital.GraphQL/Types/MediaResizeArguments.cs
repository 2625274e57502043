// Why: partners ask GraphQL for an image at the size their layout needs (`urls(width: 640)`, `srcset`); the answer is
// a URL the media endpoint will make, so the sizes are checked here against the same allow-list, and a crop keeps
// the focal point editors set (the field's Anchors).
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Items;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Images;
using OneDigital.GraphQL.Schema;
using static OneDigital.GraphQL.Schema.FieldFactory;

namespace OneDigital.GraphQL.Types;

internal static class MediaResizeArguments
{
    /// <summary>The optional arguments of a resized URL; none given: the original's URL, as before.</summary>
    public static FieldType WithResizeArguments(this FieldType field, SchemaScalars s, bool width = true)
    {
        field.Arguments ??= new QueryArguments();
        if (width) field.Arguments.Add(Argument("width", s.Int, "A width from the site's supported sizes: the address of the image resized."));
        field.Arguments.Add(Argument("height", s.Int, "A height from the site's supported sizes."));
        field.Arguments.Add(Argument("mode", s.String, "How the image fits: crop (keeping the focal point), pad, boxpad, max (default), min or stretch."));
        field.Arguments.Add(Argument("format", s.String, "webp, jpg, png or gif; the original's format when absent."));
        field.Arguments.Add(Argument("quality", s.Int, "Encoder quality, 1 to 100."));
        field.Arguments.Add(Argument("profile", s.String, "A media profile's name (MediaProfiles recipe step) in place of the sizes."));
        return field;
    }

    /// <summary>The resize the arguments ask for (a crop with the file's focal point), or null when none is given.</summary>
    public static ImageResize? Read(IResolveFieldContext c, (double X, double Y)? anchor, int? width = null)
    {
        width ??= c.GetArgument<int?>("width");
        var height = c.GetArgument<int?>("height");
        var modeText = c.GetArgument<string?>("mode");
        var formatText = c.GetArgument<string?>("format");
        var quality = c.GetArgument<int?>("quality");
        var profile = c.GetArgument<string?>("profile");
        if (width is null && height is null && modeText is null && formatText is null && quality is null && profile is null) return null;

        var sizes = c.RequestServices?.GetService<IOptions<MediaImageOptions>>()?.Value.Sizes ?? MediaImageOptions.DefaultSizes;
        foreach (var (name, value) in new[] { ("width", width), ("height", height) })
        {
            if (value is { } size && !sizes.Contains(size))
            {
                throw new ExecutionError($"{name} must be one of the supported sizes: {string.Join(", ", sizes)}.");
            }
        }
        if (!ImageResize.TryParseMode(modeText, out var mode)) throw new ExecutionError("mode must be one of crop, pad, boxpad, max, min, stretch.");
        if (!ImageResize.TryParseFormat(formatText, out var format)) throw new ExecutionError("format must be one of webp, jpg, png, gif.");
        if (quality is < 1 or > 100) throw new ExecutionError("quality must be from 1 to 100.");
        return new ImageResize
        {
            Width = width,
            Height = height,
            Mode = mode,
            Format = format,
            Quality = quality,
            Profile = string.IsNullOrWhiteSpace(profile) ? null : profile,
            Focus = mode == ResizeMode.Crop || profile is not null ? anchor : null,
        };
    }

    /// <summary>
    /// The focal point of each path: Orchard's MediaField <c>Anchors</c>, a list beside <c>Paths</c> of
    /// <c>{ "X": 0.5, "Y": 0.5 }</c> fractions (an object keyed by path is read too). The centre is no focal point.
    /// </summary>
    public static (double X, double Y)? AnchorOf(JsonObject field, string path, int index)
    {
        var anchor = field["Anchors"] switch
        {
            JsonArray list when index < list.Count => list[index] as JsonObject,
            JsonObject byPath => byPath[path] as JsonObject,
            _ => null,
        };
        if (anchor is null || JsonValues.Property(anchor, "X") is not JsonValue xv || JsonValues.Property(anchor, "Y") is not JsonValue yv
            || !xv.TryGetValue(out double x) || !yv.TryGetValue(out double y) || x is < 0 or > 1 || y is < 0 or > 1)
        {
            return null;
        }
        return x == 0.5 && y == 0.5 ? null : (x, y);
    }

    public static string Url(string url, ImageResize? resize) => resize is null ? url : MediaUrls.WithResize(url, resize);
}
