using OneDigital.Content.Partners;
using Microsoft.Extensions.Options;
using OneDigital.Content.Recipes;
using OneDigital.Content.Store;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneDigital.Web.Auth;

public static class OpenIdServices
{
    /// <summary>Registered applications and the recipe steps: what the site and the command-line verbs share.</summary>
    public static IServiceCollection AddOpenIdApplications(this IServiceCollection services)
    {
        services.AddOpenIddict().AddCore(o =>
        {
            o.UseEntityFrameworkCore().UseDbContext<ContentDbContext>();
            // Applications change from other processes (the CLI, other nodes): read them from the store every time.
            o.DisableEntityCaching();
        });
        services.AddScoped<OpenIdApplications>();
        services.AddSingleton(OpenIdApplications.Stamp);
        services.AddScoped<IRecipeStep, OpenIdApplicationStep>();
        services.AddScoped<IRecipeStep, OpenIdSettingsSteps>();
        return services;
    }

    /// <summary>
    /// The token endpoint (<c>/connect/token</c>, client credentials only), validation of its tokens in the same
    /// process, and the <c>"Api"</c> authentication scheme.
    /// </summary>
    public static IServiceCollection AddOpenIdServer(this IServiceCollection services, IConfiguration configuration)
    {
        var options = OpenIdOptions.Read(configuration);
        services.AddSingleton(options);
        services.AddScoped<OpenIdKeys>();
        services.AddSingleton<CredentialStamps>();
        services.AddSingleton<TokenRequestLimiter>();
        services.AddSingleton<UniformClientErrors.Decoy>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, StoredServerKeys>();
        services.AddOpenIddict()
            .AddServer(o =>
            {
                o.SetTokenEndpointUris("connect/token");
                o.AllowClientCredentialsFlow();
                o.SetAccessTokenLifetime(options.AccessTokenLifetime);
                if (options.Issuer is not null) o.SetIssuer(options.Issuer);
                // Client-credentials tokens are self-contained and short-lived: nothing is written per token request.
                o.DisableTokenStorage();
                o.DisableAuthorizationStorage();
                // Signed, not encrypted: the token holds nothing secret (client id, name, roles), partners can read its
                // expiry, and checking a signature costs a fraction of an RSA decryption on every API request.
                o.DisableAccessTokenEncryption();
                // Scopes (Orchard's partners send scope=api) are carried, not enforced: roles decide what a token may do.
                o.DisableScopeValidation();
                o.IgnoreScopePermissions();
                o.AddEventHandler<HandleTokenRequestContext>(h => h.UseScopedHandler<ClientCredentialsHandler>());
                o.AddEventHandler(UniformClientErrors.Descriptor);
                var aspNetCore = o.UseAspNetCore();
                if (!options.RequireHttps) aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.AddEventHandler(CurrentApplicationCheck.Descriptor);
                // Only from the Authorization header: tokens in query strings end up in logs.
                o.UseAspNetCore().DisableAccessTokenExtractionFromQueryString().DisableAccessTokenExtractionFromBodyForm();
            });
        services.AddAuthentication().AddApiScheme();
        return services;
    }

    /// <summary>
    /// The token request limiter, then OpenIddict's middleware, for <c>/connect/*</c> and requests carrying a bearer token only: it reads the keys from
    /// the store, which other requests (<c>/health</c> during setup, anonymous reads) have no reason to wait for.
    /// </summary>
    public static IApplicationBuilder UseOpenIdServer(this WebApplication app)
    {
        var limiter = app.Services.GetRequiredService<TokenRequestLimiter>();
        app.UseWhen(TokenRequestLimiter.Applies, branch => branch.Use(limiter.InvokeAsync));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/connect") || ApiAuthentication.HasBearerToken(c.Request),
            branch => branch.UseAuthentication());
        // WebApplication puts the authentication middleware in front of everything unless this flag (ASP.NET Core's
        // WebApplicationBuilder key) says the app placed it itself.
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        return app;
    }
}
