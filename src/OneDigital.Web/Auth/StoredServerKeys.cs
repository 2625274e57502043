using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace OneDigital.Web.Auth;

/// <summary>Gives the token server (and, through it, the local validation) the keys kept in the store.</summary>
internal sealed class StoredServerKeys(IServiceScopeFactory scopes) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        // OpenIddict builds its options on the first token request or bearer check, which the setup gate holds back
        // until the store is ready. Options have no asynchronous hook, so the keys are read here, once per process.
        var (signing, encryption) = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OpenIdKeys>().GetOrCreateAsync();
        }).GetAwaiter().GetResult();
        options.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
