using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace OneDigital.Web.Auth;

// A valid signature only proves the token was issued; it does not prove the application still may hold it. This
// runs after OpenIddict has validated the token, so a forged or expired one never costs a lookup.

/// <summary>Refuses a token whose application was removed or whose secret changed since it was issued.</summary>
internal sealed class CurrentApplicationCheck(CredentialStamps stamps) : IOpenIddictValidationHandler<ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseSingletonHandler<CurrentApplicationCheck>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.AccessTokenPrincipal is not { } principal)
        {
            return;
        }
        var clientId = principal.GetClaim(Claims.Subject) ?? "";
        if (!await stamps.IsCurrentAsync(clientId, principal.GetClaim(CredentialStamps.Claim), context.CancellationToken))
        {
            context.Reject(
                error: Errors.InvalidToken,
                description: "The token's application was removed or its client secret changed; ask /connect/token for a new token.");
        }
    }
}
