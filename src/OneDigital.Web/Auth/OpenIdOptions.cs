using System.Globalization;

namespace OneDigital.Web.Auth;

/// <summary>The token server's settings, <c>OneDigital:OpenId:*</c> (README: configuration keys).</summary>
public sealed class OpenIdOptions
{
    public const string Section = "OneDigital:OpenId";

    /// <summary>How long an access token is accepted after it was issued.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The issuer written into tokens and expected of them. Unset, it is the address the request came to, which is
    /// right when every node of a farm is reached under the same public address.
    /// </summary>
    public Uri? Issuer { get; init; }

    /// <summary>Whether <c>/connect/token</c> refuses plain HTTP (client secrets travel in the request).</summary>
    public bool RequireHttps { get; init; } = true;

    /// <summary>Token requests one client id may make per minute (a partner needs one per token lifetime per node).</summary>
    public int TokenRequestsPerClient { get; init; } = 20;

    /// <summary>Token requests one remote address may make per minute, whatever client ids it tries.</summary>
    public int TokenRequestsPerAddress { get; init; } = 60;

    /// <exception cref="InvalidOperationException">A value is not of the expected form.</exception>
    public static OpenIdOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var lifetime = TimeSpan.FromHours(1);
        if (section["AccessTokenLifetime"] is { Length: > 0 } lifetimeText
            && (!TimeSpan.TryParse(lifetimeText, CultureInfo.InvariantCulture, out lifetime) || lifetime <= TimeSpan.Zero))
        {
            throw new InvalidOperationException($"{Section}:AccessTokenLifetime '{lifetimeText}' is not a positive time span such as 01:00:00.");
        }
        Uri? issuer = null;
        if (section["Issuer"] is { Length: > 0 } issuerText
            && (!Uri.TryCreate(issuerText, UriKind.Absolute, out issuer) || issuer.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException($"{Section}:Issuer '{issuerText}' is not an absolute http(s) address.");
        }
        var requireHttps = true;
        if (section["RequireHttps"] is { Length: > 0 } https && !bool.TryParse(https, out requireHttps))
        {
            throw new InvalidOperationException($"{Section}:RequireHttps '{https}' is not true or false.");
        }
        return new OpenIdOptions
        {
            AccessTokenLifetime = lifetime,
            Issuer = issuer,
            RequireHttps = requireHttps,
            TokenRequestsPerClient = PositiveInt(section, "TokenRequestsPerClient", 20),
            TokenRequestsPerAddress = PositiveInt(section, "TokenRequestsPerAddress", 60),
        };
    }

    private static int PositiveInt(IConfigurationSection section, string key, int fallback)
    {
        if (section[key] is not { Length: > 0 } text) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{Section}:{key} '{text}' is not a positive whole number.");
    }
}
