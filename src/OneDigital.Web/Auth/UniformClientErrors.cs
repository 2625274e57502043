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
internal sealed class UniformClientErrors(IOpenIddictApplicationManager manager, UniformClientErrors.Decoy decoy) : IOpenIddictServerHandler<ApplyTokenResponseContext>
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
            if (await decoy.GetAsync(manager, context.CancellationToken) is { } application)
            {
                // The result is ignored: the request is refused either way.
                _ = await manager.ValidateClientSecretAsync(application, secret, context.CancellationToken);
            }
        }
    }

    /// <summary>
    /// One confidential application, kept for the process once found, whose secret hash unknown clients are checked
    /// against: looking it up on every such request would itself make them slower than a wrong secret.
    /// </summary>
    internal sealed class Decoy
    {
        private volatile object? _application;

        public async ValueTask<object?> GetAsync(IOpenIddictApplicationManager manager, CancellationToken ct)
        {
            if (_application is { } known)
            {
                return known;
            }
            await foreach (var application in manager.ListAsync(count: 8, offset: null, ct))
            {
                if (await manager.HasClientTypeAsync(application, ClientTypes.Confidential, ct))
                {
                    _application = application;
                    return application;
                }
            }
            return null;
        }
    }
}
