using System.Security.Claims;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Querying;
using OneDigital.GraphQL.Loading;
using OneDigital.GraphQL.Security;

namespace OneDigital.GraphQL;

/// <summary>
/// The execution's user context: the caller, whose permissions decide which items resolvers return, and the request's
/// service scope, from which the execution takes its content reads once. It also holds what one execution shares: the data loaders that
/// batch item lookups, the caller's access per type, and a lock, because resolvers of sibling fields run concurrently
/// while the scope's DbContext serves one query at a time. The endpoint creates one per request
/// (<see cref="ContentGraphQL.ConfigureExecution"/>).
/// </summary>
public sealed class GraphQLUserContext : Dictionary<string, object?>
{
    public GraphQLUserContext(ClaimsPrincipal user, IServiceProvider requestServices)
    {
        User = user;
        RequestServices = requestServices;
        Loaders = new ContentLoaders(this);
        Access = new ContentAccess(this);
    }

    public ClaimsPrincipal User { get; }

    /// <summary>
    /// The item a valid preview token presented with the request grants: its latest version may be listed with
    /// <c>status: DRAFT</c> or <c>LATEST</c> whatever the caller's permissions. Null without a (valid) token.
    /// </summary>
    public string? PreviewContentItemId { get; set; }

    public IServiceProvider RequestServices { get; }

    /// <summary>The request's content reads, resolved once per execution for every resolver and loader.</summary>
    internal ContentQuery Content => _content ??= RequestServices.GetRequiredService<ContentQuery>();

    private ContentQuery? _content;

    internal ContentLoaders Loaders { get; }

    internal ContentAccess Access { get; }

    internal SemaphoreSlim StoreLock { get; } = new(1, 1);

    /// <summary>Runs store work one piece at a time for this execution.</summary>
    internal async Task<T> WithStoreAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await StoreLock.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            StoreLock.Release();
        }
    }

    internal static GraphQLUserContext From(IResolveFieldContext context) =>
        context.UserContext as GraphQLUserContext
        ?? throw new InvalidOperationException("The GraphQL execution has no GraphQLUserContext: call ContentGraphQL.ConfigureExecution.");
}
