namespace OneDigital.Web.Security;

// The API answers JSON and never needs to load or frame anything, so its policy forbids everything; pages that
// come later (the admin, the readers' site) need their own policy, declared for their path here instead of
// loosening the one every API response carries.

/// <summary>Content-Security-Policy per path: the longest registered prefix wins, otherwise <see cref="Default"/>.</summary>
public sealed class ContentSecurityPolicyOptions
{
    /// <summary>For responses that are data: nothing may load, nothing may frame them.</summary>
    public const string Api = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public string Default { get; set; } = Api;

    /// <summary>Path prefix (<c>/admin</c>) → policy. Give each its own <c>frame-ancestors</c>.</summary>
    public Dictionary<string, string> Paths { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The application that answers every path the others leave (the readers' site): its paths and its policy, for
    /// paths no prefix in <see cref="Paths"/> names. Null: those paths get <see cref="Default"/>.
    /// </summary>
    public (Func<PathString, bool> Owns, string Policy)? Fallback { get; set; }

    /// <summary>The policy for a request path.</summary>
    public string For(PathString path)
    {
        var best = (Length: -1, Policy: Default);
        foreach (var (prefix, policy) in Paths)
        {
            if (prefix.Length > best.Length && path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                best = (prefix.Length, policy);
            }
        }
        if (best.Length < 0 && Fallback is { } fallback && fallback.Owns(path))
        {
            return fallback.Policy;
        }
        return best.Policy;
    }
}
