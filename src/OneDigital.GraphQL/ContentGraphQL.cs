using System.Security.Claims;
using GraphQL;

namespace OneDigital.GraphQL;

/// <summary>What every execution of the content schema needs besides the schema and the query.</summary>
public static class ContentGraphQL
{
    /// <summary>
    /// Sets the caller and the request's services on the options. The content schema's data loaders live in the user
    /// context this creates, so no document listener is needed.
    /// </summary>
    public static GraphQLUserContext ConfigureExecution(ExecutionOptions options, IServiceProvider requestServices, ClaimsPrincipal user)
    {
        var context = new GraphQLUserContext(user, requestServices);
        options.UserContext = context;
        options.RequestServices = requestServices;
        options.User = user;
        return context;
    }
}
