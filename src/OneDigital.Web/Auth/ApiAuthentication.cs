using Microsoft.AspNetCore.Authentication;
using OpenIddict.Validation.AspNetCore;

namespace OneDigital.Web.Auth;

/// <summary>
/// The <c>"Api"</c> authentication scheme, as in Orchard: a bearer token issued by this site's <c>/connect/token</c>,
/// or else the admin's sign-in cookie once there is one; otherwise the caller is anonymous.
/// </summary>
public static class ApiAuthentication
{
    public const string Scheme = "Api";

    /// <summary>Identity's cookie scheme (<c>IdentityConstants.ApplicationScheme</c>), which an admin would sign in with.</summary>
    private const string CookieScheme = "Identity.Application";

    internal static AuthenticationBuilder AddApiScheme(this AuthenticationBuilder builder) =>
        builder.AddPolicyScheme(Scheme, "Bearer token or sign-in cookie", o => o.ForwardDefaultSelector = Select);

    /// <summary>
    /// Authenticates the caller with the scheme and makes it the request's user. A token that was sent but is not
    /// valid (expired, forged, from another server) answers 401 instead of falling back to anonymous access.
    /// </summary>
    /// <returns>The 401 to answer with, or null to go on.</returns>
    public static async Task<IResult?> AuthenticateApiAsync(this HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        if (result.Succeeded)
        {
            context.User = result.Principal;
            return null;
        }
        return result.Failure is null ? null : Results.Challenge(authenticationSchemes: [Scheme]);
    }

    /// <summary>Orchard's ChallengeOrForbid: 401 for an anonymous caller, 403 for one who is known but not allowed.</summary>
    public static IResult ChallengeOrForbid(this HttpContext context) =>
        context.User.Identities.Any(i => i.IsAuthenticated)
            ? Results.Forbid(authenticationSchemes: [Scheme])
            : Results.Challenge(authenticationSchemes: [Scheme]);

    private static string Select(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        }
        var schemes = context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>();
        // Without a cookie scheme the validation handler answers "no token": an anonymous caller, 401 on challenge.
        return schemes.GetSchemeAsync(CookieScheme).GetAwaiter().GetResult() is not null
            ? CookieScheme
            : OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    }
}
