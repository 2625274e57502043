// Why: a recipe is admin input, but it is often written elsewhere and imported as is, so it must not read the host's
// files or secrets, nor exhaust its memory; the limits are bound from OneDigital:Recipes and a limit of zero or
// below stops the start naming its key.
namespace OneDigital.Content.Recipes.Confinement;

/// <summary>What a recipe may reach and how much it may produce, from <c>OneDigital:Recipes:*</c> (see README).</summary>
public sealed class RecipeLimits
{
    public const string Section = "OneDigital:Recipes";

    // Orchard's blog recipe asks for the admin prefix; partner applications take their client secrets from
    // configuration (stored hashed by OpenIddict, never shown).
    public static readonly string[] DefaultConfigurationKeys = ["OrchardCore_Admin:AdminUrlPrefix", "Partners:*"];

    /// <summary>
    /// The configured keys only. Empty by default because the binder appends to a list it finds filled, and a
    /// configured list replaces the defaults rather than adding to them: read <see cref="AllowedConfigurationKeys"/>.
    /// </summary>
    public string[] ConfigurationKeys { get; set; } = [];

    /// <summary>Keys (or <c>Prefix:*</c>) that <c>configuration()</c> may read unless <see cref="ConfigurationGuard"/> never allows them.</summary>
    public IReadOnlyList<string> AllowedConfigurationKeys => ConfigurationKeys.Length > 0 ? ConfigurationKeys : DefaultConfigurationKeys;

    /// <summary>The largest file <c>[file:text()]</c> reads, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>The largest file a media step copies, in bytes.</summary>
    public long MaxMediaFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The longest string an expression, <c>base64()</c> or <c>gzip()</c> may produce, in characters.</summary>
    public int MaxValueLength { get; set; } = 16 * 1024 * 1024;

    /// <summary>Above this a string's doubling would overflow; a larger configured length means this.</summary>
    internal const int LargestValueLength = int.MaxValue / 2;
}
