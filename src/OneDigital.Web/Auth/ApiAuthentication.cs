using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace OneDigital.Web.Auth;

/// <summary>
/// The <c>"Api"</c> authentication scheme: a bearer token issued by this site's <c>/connect/token</c>; otherwise the
/// caller is anonymous. Unlike Orchard, the admin's sign-in cookie is never accepted here: a browser sends a cookie with
/// any cross-site request, so accepting it would open the API to forged requests (and it is sent for /admin only).
/// </summary>
public static class ApiAuthentication
{
    public const string Scheme = "Api";

    private const string AnonymousScheme = "Api.Anonymous";

    internal static AuthenticationBuilder AddApiScheme(this AuthenticationBuilder builder) =>
        builder
            .AddPolicyScheme(Scheme, "Bearer token or sign-in cookie", o => o.ForwardDefaultSelector = Select)
            .AddScheme<AuthenticationSchemeOptions, AnonymousHandler>(AnonymousScheme, null);

    /// <summary>Whether the request carries a bearer token, which OpenIddict's validation must see first.</summary>
    internal static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

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

    private static string Select(HttpContext context) =>
        HasBearerToken(context.Request) ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme : AnonymousScheme;

    /// <summary>No credentials: nobody signed in; a challenge asks for a bearer token.</summary>
    private sealed class AnonymousHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Bearer";
            return Task.CompletedTask;
        }
    }
}
