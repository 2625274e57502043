// Why: editors sign in with ASP.NET Core Identity and a cookie. The cookie is sent for /admin only and only this
// branch reads it, so it can never carry a forged cross-site request into /api/* (the API takes bearer tokens only).
// Lockout and the cookie's lifetime come from OneDigital:Admin.
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneDigital.Admin.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Account;

internal static class AdminSignIn
{
    public const string SignInPath = AdminServices.PathPrefix + "/sign-in";
    public const string ForbiddenPath = AdminServices.PathPrefix + "/forbidden";

    public static IServiceCollection AddAdminSignIn(this IServiceCollection services)
    {
        // The store registered Identity's user and role managers; the admin adds signing in and its cookies.
        new IdentityBuilder(typeof(User), typeof(Role), services)
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication().AddIdentityCookies();

        services.AddOptions<IdentityOptions>().Configure<IOptions<AdminOptions>>((identity, admin) =>
        {
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = admin.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = admin.Value.LockoutDuration;
        });
        // The reset link's token is Identity's, protected with the store's data-protection keys, so any node accepts it.
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<AdminOptions>>((tokens, admin) =>
            tokens.TokenLifespan = admin.Value.PasswordResetLifetime);
        services.AddScoped<PasswordResetMail>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AdminOptions>, IHostEnvironment>((cookie, admin, environment) =>
            {
                cookie.Cookie.Name = "OneDigital.Admin";
                cookie.Cookie.Path = AdminServices.PathPrefix;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                cookie.ExpireTimeSpan = admin.Value.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = SignInPath;
                cookie.LogoutPath = AdminServices.PathPrefix + "/sign-out";
                cookie.AccessDeniedPath = ForbiddenPath;
                cookie.ReturnUrlParameter = "returnUrl";
                // A signed-in user who may not see a page gets 403 and the page saying so, where they asked.
                cookie.Events.OnRedirectToAccessDenied = context => ForbiddenResult.WriteAsync(context.HttpContext);
                // In place of Identity's 30-minute stamp check: a disabled user or a removed role ends the session at once.
                cookie.Events.OnValidatePrincipal = SignedInUserCheck.ValidateAsync;
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "OneDigital.Admin.Antiforgery";
            o.Cookie.Path = AdminServices.PathPrefix;
            // The site's security headers say DENY, which is stricter than antiforgery's SAMEORIGIN.
            o.SuppressXFrameOptionsHeader = true;
        });
        // The two-factor cookies (the second step of sign-in, a remembered device) belong to the admin too.
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<IHostEnvironment>((cookie, environment) =>
            {
                cookie.Cookie.Path = AdminServices.PathPrefix;
                cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            });
        }
        return services;
    }
}
