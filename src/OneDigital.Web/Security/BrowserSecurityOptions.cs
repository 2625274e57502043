namespace OneDigital.Web.Security;

// Which browser origins may call the APIs, read once at start: partners' browser-side apps need CORS, and a
// mistyped origin should stop the start with a message naming the key rather than fail silently in a browser.

/// <summary><c>OneDigital:Cors</c>: the origins allowed to call <c>/api/*</c> and <c>/connect/token</c> from a browser.</summary>
public sealed class BrowserSecurityOptions
{
    public const string CorsSection = "OneDigital:Cors";

    /// <summary>Origins such as <c>https://partner.example</c>; none means no cross-origin access.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>How long a browser may keep a preflight answer.</summary>
    public TimeSpan PreflightMaxAge { get; init; } = TimeSpan.FromMinutes(10);

    /// <exception cref="InvalidOperationException">An origin is not of the form scheme://host[:port].</exception>
    public static BrowserSecurityOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection($"{CorsSection}:AllowedOrigins");
        // An array (appsettings.json, AllowedOrigins:0=...) or one comma-separated value (an environment variable).
        var values = section.Value is { Length: > 0 } single
            ? single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
        var origins = new List<string>();
        foreach (var value in values)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.PathAndQuery != "/" || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                throw new InvalidOperationException(
                    $"{CorsSection}:AllowedOrigins '{value}' is not an origin such as https://partner.example (scheme, host and port only).");
            }
            // Browsers send the origin without a path or trailing slash, in lower case.
            origins.Add(uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant());
        }
        return new BrowserSecurityOptions { AllowedOrigins = origins.Distinct().ToArray() };
    }
}
