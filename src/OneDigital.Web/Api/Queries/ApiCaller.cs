using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace OneDigital.Web.Api.Queries;

/// <summary>
/// Who calls an API, as Orchard's API controllers see it: the principal of the "Api" scheme (bearer tokens) when that
/// scheme is registered, otherwise the request's user; and the refusal Orchard gives (ChallengeOrForbid("Api")).
/// </summary>
internal sealed class ApiCaller(ClaimsPrincipal principal, bool hasApiScheme)
{
    public const string Scheme = "Api";

    public ClaimsPrincipal Principal { get; } = principal;

    public static async Task<ApiCaller> AuthenticateAsync(HttpContext http)
    {
        var schemes = http.RequestServices.GetService<IAuthenticationSchemeProvider>();
        if (schemes is null || await schemes.GetSchemeAsync(Scheme) is null)
        {
            return new ApiCaller(http.User, hasApiScheme: false);
        }
        var result = await http.AuthenticateAsync(Scheme);
        return new ApiCaller(result.Succeeded ? result.Principal : new ClaimsPrincipal(new ClaimsIdentity()), hasApiScheme: true);
    }

    /// <summary>401 for an anonymous caller, 403 for an authenticated one.</summary>
    public IResult Refuse()
    {
        var authenticated = Principal.Identities.Any(i => i.IsAuthenticated);
        if (hasApiScheme)
        {
            return authenticated ? Results.Forbid(authenticationSchemes: [Scheme]) : Results.Challenge(authenticationSchemes: [Scheme]);
        }
        return Results.StatusCode(authenticated ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
    }
}
