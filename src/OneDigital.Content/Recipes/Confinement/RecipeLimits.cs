using Microsoft.Extensions.Configuration;

namespace OneDigital.Content.Recipes.Confinement;

/// <summary>
/// What a recipe may reach and how much it may produce. A recipe is admin input, but it is often written elsewhere
/// and imported as is, so it must not read the host's files or secrets, nor exhaust its memory.
/// Read from <c>OneDigital:Recipes:*</c> (see README).
/// </summary>
public sealed class RecipeLimits
{
    /// <summary>Keys (or <c>Prefix:*</c>) that <c>configuration()</c> may read unless <see cref="ConfigurationGuard"/> never allows them.</summary>
    public IReadOnlyList<string> ConfigurationKeys { get; init; } = DefaultConfigurationKeys;

    /// <summary>The largest file <c>[file:text()]</c> reads, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>The largest file a media step copies, in bytes.</summary>
    public long MaxMediaFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The longest string an expression, <c>base64()</c> or <c>gzip()</c> may produce, in characters.</summary>
    public int MaxValueLength { get; init; } = 16 * 1024 * 1024;

    // Orchard's blog recipe asks for the admin prefix; partner applications take their client secrets from
    // configuration (stored hashed by OpenIddict, never shown).
    public static readonly string[] DefaultConfigurationKeys = ["OrchardCore_Admin:AdminUrlPrefix", "Partners:*"];

    public const string Section = "OneDigital:Recipes";

    public static RecipeLimits Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var keys = section.GetSection("ConfigurationKeys").GetChildren().Select(c => c.Value).OfType<string>().ToArray();
        return new RecipeLimits
        {
            ConfigurationKeys = keys.Length > 0 ? keys : DefaultConfigurationKeys,
            MaxFileBytes = Positive(section, "MaxFileBytes", 16L * 1024 * 1024),
            MaxMediaFileBytes = Positive(section, "MaxMediaFileBytes", 256L * 1024 * 1024),
            MaxValueLength = (int)Math.Min(int.MaxValue / 2, Positive(section, "MaxValueLength", 16 * 1024 * 1024)),
        };
    }

    private static long Positive(IConfigurationSection section, string key, long fallback)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text)) return fallback;
        return long.TryParse(text, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{Section}:{key} must be a positive whole number of {(key.EndsWith("Bytes", StringComparison.Ordinal) ? "bytes" : "characters")}, not '{text}'.");
    }
}
