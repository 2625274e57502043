// Why: which sizes may be made, and how much one image may cost, are the operator's; the defaults are Orchard's sizes
// and limits that keep a crafted image from taking the node down.
namespace OneDigital.Content.Media.Images;

/// <summary>The image part of <c>OneDigital:Media</c>.</summary>
public sealed class MediaImageOptions
{
    /// <summary>Orchard's default supported sizes.</summary>
    public static readonly int[] DefaultSizes = [16, 32, 50, 100, 160, 240, 480, 600, 1024, 2048];

    /// <summary>
    /// The only widths and heights made (Orchard's <c>SupportedSizes</c>); any other is refused. Null: the defaults
    /// (an array setting would otherwise be added to them, not replace them).
    /// </summary>
    public int[]? SupportedSizes { get; set; }

    public IReadOnlyList<int> Sizes => SupportedSizes is { Length: > 0 } sizes ? sizes : DefaultSizes;

    /// <summary>The largest image resized, in pixels (width × height), read from its header before it is decoded.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Resizes running at once on this node; more wait their turn.</summary>
    public int MaxConcurrentResizes { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Variants kept per original (a path); beyond it new ones are refused, so URLs cannot fill the disk.</summary>
    public int MaxVariantsPerImage { get; set; } = 200;

    /// <summary>Seconds a browser may keep a file whose URL has no fingerprint (<c>v=</c>) before asking again.</summary>
    public int UnversionedMaxAgeSeconds { get; set; } = 300;
}
