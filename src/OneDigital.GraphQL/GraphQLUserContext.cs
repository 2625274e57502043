using System.Security.Claims;

namespace OneDigital.GraphQL;

/// <summary>
/// The execution's user context: the caller, whose permissions decide which items resolvers return, and the request's
/// service scope, from which resolvers take the store and data loaders. The endpoint creates one per request.
/// </summary>
public sealed class GraphQLUserContext : Dictionary<string, object?>
{
    public GraphQLUserContext(ClaimsPrincipal user, IServiceProvider requestServices)
    {
        User = user;
        RequestServices = requestServices;
    }

    public ClaimsPrincipal User { get; }

    public IServiceProvider RequestServices { get; }
}
