// Why: every settings class is bound and checked the same way (AddOptions, BindConfiguration, ValidateOnStart), and a
// bad value stops the site at start with a message naming the key a person edits, not a property or a stack trace.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OneDigital.Content.Configuration;

public static class OptionsRules
{
    /// <summary>
    /// Registers <typeparamref name="T"/> bound from <paramref name="section"/>, validated when the host starts (and
    /// when first read by a process without a host, such as a CLI verb). Keys that are absent keep the class's defaults.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();

    /// <summary>Refuses a value below <paramref name="minimum"/>: "<c>{section}:{key} must be at least {minimum}</c>". An unset optional value passes.</summary>
    public static OptionsBuilder<T> AtLeast<T>(this OptionsBuilder<T> builder, string section, string key, Func<T, double?> value, double minimum)
        where T : class =>
        builder.Validate(o => value(o) is not { } v || v >= minimum,
            $"{section}:{key} must be at least {minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>Refuses a value below zero: "<c>{section}:{key} must not be negative</c>".</summary>
    public static OptionsBuilder<T> NotNegative<T>(this OptionsBuilder<T> builder, string section, string key, Func<T, double?> value)
        where T : class =>
        builder.Validate(o => value(o) is not { } v || v >= 0, $"{section}:{key} must not be negative");

    /// <summary>Refuses zero and below (an interval, a buffer): "<c>{section}:{key} must be more than zero</c>".</summary>
    public static OptionsBuilder<T> MoreThanZero<T>(this OptionsBuilder<T> builder, string section, string key, Func<T, double?> value)
        where T : class =>
        builder.Validate(o => value(o) is not { } v || v > 0, $"{section}:{key} must be more than zero");
}
