using System.Text.Json.Nodes;
using OneDigital.Content.Recipes;

namespace OneDigital.Web.Auth;

/// <summary>
/// Orchard's <c>OpenIdServerSettings</c> and <c>OpenIdValidationSettings</c> steps, accepted so that Orchard recipes
/// import. What they would choose is fixed here (client credentials at <c>/connect/token</c>, tokens validated by
/// this site's own server, keys kept in the store, lifetimes and issuer from <c>OneDigital:OpenId</c>), so nothing
/// is stored: a setting that asks for something else is reported as a warning.
/// </summary>
public sealed class OpenIdSettingsSteps : IRecipeStep
{
    private static readonly string[] UnsupportedServerSwitches =
    [
        "AllowPasswordFlow", "AllowAuthorizationCodeFlow", "AllowRefreshTokenFlow", "AllowHybridFlow", "AllowImplicitFlow",
        "EnableAuthorizationEndpoint", "EnableLogoutEndpoint", "EnableUserInfoEndpoint", "EnableIntrospectionEndpoint",
        "EnablePushedAuthorizationEndpoint", "EnableRevocationEndpoint", "UseReferenceAccessTokens", "DisableAccessTokenEncryption",
    ];

    public IReadOnlyCollection<string> Names { get; } = ["OpenIdServerSettings", "OpenIdValidationSettings"];

    public Task ExecuteAsync(RecipeStepContext context)
    {
        if (string.Equals(context.Name, "OpenIdServerSettings", StringComparison.OrdinalIgnoreCase))
        {
            CheckServer(context);
        }
        else
        {
            CheckValidation(context);
        }
        return Task.CompletedTask;
    }

    private static void CheckServer(RecipeStepContext context)
    {
        if (Text(context, "TokenEndpointPath") is { } path && path.Trim('/') != "connect/token")
        {
            context.Warn($"TokenEndpointPath: the token endpoint is /connect/token here, not '{path}'.");
        }
        foreach (var name in new[] { "AllowClientCredentialsFlow", "EnableTokenEndpoint" }.Where(n => context.Get(n)?.ToJsonString() == "false"))
        {
            context.Warn($"{name}: the client-credentials token endpoint stays enabled.");
        }
        foreach (var name in UnsupportedServerSwitches.Where(n => context.Get(n)?.ToJsonString() == "true"))
        {
            context.Warn($"{name}: not supported; only the client-credentials flow is served.");
        }
        foreach (var name in new[] { "SigningCertificateThumbprint", "EncryptionCertificateThumbprint" }.Where(n => Text(context, n) is not null))
        {
            context.Warn($"{name}: keys are made once and kept in the store; the certificate is not used.");
        }
        if (Text(context, "Authority") is { } authority)
        {
            context.Warn($"Authority: the issuer is set by OneDigital:OpenId:Issuer (or the request's address), not '{authority}'.");
        }
    }

    private static void CheckValidation(RecipeStepContext context)
    {
        foreach (var name in new[] { "Authority", "Tenant" })
        {
            if (Text(context, name) is { } value)
            {
                context.Warn($"{name}: only tokens issued by this site's own /connect/token are accepted, not those of '{value}'.");
            }
        }
        if (Text(context, "Audience") is { } audience)
        {
            context.Warn($"Audience: tokens are not restricted to the audience '{audience}'.");
        }
    }

    private static string? Text(RecipeStepContext context, string name) =>
        context.Get(name) is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
