using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OneDigital.Web.Auth;

// OpenIddict answers "the client_id is invalid" for an unknown client and "the client credentials are invalid" for a
// wrong secret, and only the second checks a hash: both the words and the time told a guesser which client ids exist.
// Every invalid_client answer is made the same, and an unknown client's secret is checked against another
// application's hash, so the answer takes about as long as a wrong secret's.

/// <summary>One error, and about one answer time, for an unknown client id and a wrong secret.</summary>
internal sealed class UniformClientErrors(IOpenIddictApplicationManager manager) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public const string Description = "The client id or the client secret is not valid.";

    /// <summary>OpenIddict's page for invalid client credentials, whichever of the two was wrong.</summary>
    public const string ErrorUri = "https://documentation.openiddict.com/errors/ID2055";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseScopedHandler<UniformClientErrors>()
            // Before the ASP.NET Core integration writes the response.
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        if (context.Response.Error != Errors.InvalidClient)
        {
            return;
        }
        context.Response.ErrorDescription = Description;
        context.Response.ErrorUri = ErrorUri;
        if (context.Request is { ClientId: { Length: > 0 } clientId, ClientSecret: { Length: > 0 } secret }
            && await manager.FindByClientIdAsync(clientId, context.CancellationToken) is null)
        {
            await foreach (var decoy in manager.ListAsync(count: 8, offset: null, context.CancellationToken))
            {
                if (await manager.HasClientTypeAsync(decoy, ClientTypes.Confidential, context.CancellationToken))
                {
                    // The result is ignored: the request is refused either way.
                    _ = await manager.ValidateClientSecretAsync(decoy, secret, context.CancellationToken);
                    break;
                }
            }
        }
    }
}
