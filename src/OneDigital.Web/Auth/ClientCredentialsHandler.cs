using OneDigital.Content.Partners;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneDigital.Web.Auth;

/// <summary>
/// Answers a client-credentials request OpenIddict has authenticated: the access token names the application and
/// carries its roles as <c>role</c> claims, which <see cref="OneDigital.Content.Security.PermissionService"/> reads.
/// </summary>
internal sealed class ClientCredentialsHandler(
    IOpenIddictApplicationManager manager, OpenIdApplications applications, TimeProvider clock, ILogger<ClientCredentialsHandler> logger)
    : IOpenIddictServerHandler<HandleTokenRequestContext>
{
    public async ValueTask HandleAsync(HandleTokenRequestContext context)
    {
        if (!context.Request.IsClientCredentialsGrantType())
        {
            return;
        }
        var clientId = context.Request.ClientId ?? "";
        var application = await manager.FindByClientIdAsync(clientId, context.CancellationToken);
        if (application is null)
        {
            context.Reject(Errors.InvalidClient, $"The application '{clientId}' is not registered.");
            return;
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.Name, await manager.GetDisplayNameAsync(application, context.CancellationToken) ?? clientId);
        identity.SetClaims(Claims.Role, [.. await applications.RolesOfAsync(application, context.CancellationToken)]);
        // Checked on every API request (CurrentApplicationCheck): a new secret or a removal ends this token at once.
        identity.SetClaim(CredentialStamps.Claim, await CredentialStamps.StampOfAsync(manager, application, context.CancellationToken));
        identity.SetScopes(context.Request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        context.SignIn(new ClaimsPrincipal(identity));
        // For the admin's "last token issued": one write a minute at most, in this request, before the token is sent.
        // A store busy with another writer (a CLI import on SQLite) must not cost the partner its token.
        try
        {
            await applications.RecordTokenIssuedAsync(application, clock.GetUtcNow().UtcDateTime, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Noting the time of the token issued to {ClientId} failed; the token is issued.", clientId);
        }
    }
}
