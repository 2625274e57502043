// Why: the admin cookie carries the user's roles and security stamp from sign-in; Identity compares the stamp only
// every 30 minutes, so a user disabled or taken out of a role kept their session (and its permissions) until then.
// Admin traffic is a few editors, so each admin request checks the stored user: one primary-key read and one read of
// their role names, against the cookie. A mismatch ends the session, and the request goes on as signed out (the
// sign-in page for a page that needs a user).
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

internal static class SignedInUserCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || await IsCurrentAsync(context.HttpContext.RequestServices, principal))
        {
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static async Task<bool> IsCurrentAsync(IServiceProvider services, ClaimsPrincipal principal)
    {
        var users = services.GetRequiredService<UserManager<User>>();
        var claimTypes = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var user = await users.GetUserAsync(principal);
        // A lockout is left alone: failed sign-ins by someone else must not end the real user's session.
        if (user is not { IsEnabled: true })
        {
            return false;
        }
        if (principal.FindFirstValue(claimTypes.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
        {
            return false;
        }
        var claimedRoles = principal.FindAll(claimTypes.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return claimedRoles.SetEquals(await users.GetRolesAsync(user));
    }
}
