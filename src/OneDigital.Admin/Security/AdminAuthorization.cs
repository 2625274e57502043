// Why: every admin page demands a signed-in user holding AccessAdminPanel, decided by Content's PermissionService so
// the admin and the APIs agree on who may do what. A convention applies it to every page, so a new page cannot
// forget it; the cookie scheme is named here, so the API's bearer tokens never reach the admin.
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Security;

public static class AdminAuthorization
{
    /// <summary>The policy every admin page has (<c>Conventions.AuthorizeFolder</c>).</summary>
    public const string Policy = "OneDigital.Admin";

    internal static IServiceCollection AddAdminAuthorization(this IServiceCollection services)
    {
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(Permissions.AccessAdminPanel))));
        services.AddScoped<IAuthorizationHandler, PermissionRequirementHandler>();
        return services;
    }

    /// <summary>The signed-in user of an admin request, from the admin cookie only (the layout shows them even on pages anyone may open).</summary>
    internal static IApplicationBuilder UseAdminUser(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            if (result.Succeeded)
            {
                context.User = result.Principal;
            }
            await next(context);
        });
}

/// <summary>A permission the caller must hold, decided by <see cref="PermissionService"/>.</summary>
public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}

internal sealed class PermissionRequirementHandler(PermissionService permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await permissions.IsGrantedAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
