using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneDigital.GraphQL.Endpoint;

namespace OneDigital.Web.Tests.GraphQL.Support;

/// <summary>
/// Stands in for OpenID bearer tokens: the site's "Api" policy scheme forwards <c>Authorization: Bearer role:Name</c>
/// here, which signs the caller in as an application holding role Name; other requests go where they went.
/// </summary>
public sealed class TestApiAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Name = "TestApi";

    public static void Register(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestApiAuthentication>(Name, null);
        services.PostConfigure<PolicySchemeOptions>(GraphQLEndpointHandler.ApiScheme, o =>
        {
            var selector = o.ForwardDefaultSelector;
            o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer role:", StringComparison.Ordinal) ? Name : selector?.Invoke(context);
        });
    }

    public static string Bearer(string role) => $"Bearer role:{role}";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer role:", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var role = header["Bearer role:".Length..];
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"app-{role}"), new Claim(ClaimTypes.Role, role)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
